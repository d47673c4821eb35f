#!/usr/bin/env node
/** The `archmap` executable: the only module that touches `process` (argv, streams, exit code). */
import { runCli } from './run.js';
import { writeWithBackpressure } from './write-stream.js';

// Write errors (EPIPE when the reader goes away) reach runCli through the write callbacks; without a
// listener the same error would also be thrown as an uncaught 'error' event.
process.stdout.on('error', () => undefined);

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => writeWithBackpressure(process.stdout, t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTty: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not bad input: say so plainly, without a stack trace unless asked for.
    process.stderr.write(`archmap: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env['ARCHMAP_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  },
);
