/**
 * The CLI as a function (argv, streams) → exit code, so tests run it in-process. Only `main.ts`
 * touches `process`.
 */
import { resolve } from 'node:path';
import { SEVERITY_RANK, type Severity } from '../core/diagnostics.js';
import { CONTROL_CHARS, DECEPTIVE_CHARS } from '../core/text.js';
import { errorMessage } from '../discover/walk.js';
import type { ArchitectureModel } from '../model/architecture.js';
import { importArchitecture } from '../pipeline.js';
import { renderChunks } from '../render/index.js';
import { parseCommandLine, USAGE, UsageError, type FailOn, type ImportCommand } from './args.js';
import { compareWithFile } from './compare-file.js';
import { writeChunksAtomic } from './write-atomic.js';
import { VERSION } from '../version.js';

export interface CliIo {
  readonly cwd: string;
  /** Called once per output chunk; a returned promise is awaited before the next (backpressure). */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly stderrIsTty: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, stale: 3 } as const;

/** Most diagnostics printed on stderr; the rest are counted (all of them are in the JSON output). */
const MAX_PRINTED_DIAGNOSTICS = 40;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let cmd;
  try {
    cmd = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`archmap: ${err.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw err;
  }
  if (cmd.command === 'help') {
    await io.stdout(USAGE);
    return EXIT.ok;
  }
  if (cmd.command === 'version') {
    await io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  return runImport(cmd, io);
}

async function runImport(cmd: ImportCommand, io: CliIo): Promise<number> {
  const progress = !cmd.quiet && io.stderrIsTty ? (m: string) => io.stderr(`\r\x1b[K${terminalText(m)}`) : undefined;
  const model = await importArchitecture(cmd.paths, {
    cwd: io.cwd,
    params: cmd.params,
    // The output file is not an input of the next run either (`-o docs/model.json` over `.`).
    ...(cmd.out !== undefined ? { exclude: [cmd.out] } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  if (progress) io.stderr('\r\x1b[K');
  // Rendered lazily, chunk by chunk, as it is written or compared.
  const chunks = renderChunks(model, cmd.format);

  if (!cmd.quiet) printDiagnostics(model, io);

  if (cmd.out !== undefined) {
    const target = resolve(io.cwd, cmd.out);
    try {
      if (cmd.check) {
        const state = await compareWithFile(target, chunks);
        if (state !== 'current') {
          io.stderr(`archmap: ${cmd.out} is ${state}; run without --check to update it\n`);
          return EXIT.stale;
        }
      } else {
        await writeChunksAtomic(target, chunks);
      }
    } catch (err) {
      // File-system errors are the user's to fix; anything else is a bug (main reports it).
      if (!isSystemError(err)) throw err;
      io.stderr(`archmap: cannot ${cmd.check ? 'read' : 'write'} ${cmd.out}: ${errorMessage(err)}\n`);
      return EXIT.usage;
    }
  } else {
    try {
      for (const chunk of chunks) await io.stdout(chunk);
    } catch (err) {
      if (!isSystemError(err)) throw err;
      io.stderr(`archmap: cannot write to stdout: ${errorMessage(err)}\n`);
      return EXIT.usage;
    }
  }
  return reachesFailOn(model, cmd.failOn) ? EXIT.findings : EXIT.ok;
}

function isSystemError(err: unknown): boolean {
  return err instanceof Error && 'syscall' in err && typeof err.syscall === 'string';
}

/**
 * One line of plain text for the terminal: control characters (line breaks, escape sequences) in a
 * file name or message are shown as `\u001b`, so no input can start a line that looks like another
 * diagnostic or send escape codes to the terminal; bidirectional and zero-width characters too, so
 * none can reorder or hide what the line shows.
 */
export function terminalText(text: string): string {
  const code = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return text.replace(CONTROL_CHARS, code).replace(DECEPTIVE_CHARS, code);
}

function printDiagnostics(model: ArchitectureModel, io: CliIo): void {
  const shown = model.diagnostics.filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, MAX_PRINTED_DIAGNOSTICS)) {
    io.stderr(`${terminalText(d.file)}${d.line !== undefined ? `:${d.line}` : ''}: ${d.severity} ${d.code}: ${terminalText(d.message)}\n`);
  }
  if (shown.length > MAX_PRINTED_DIAGNOSTICS) {
    io.stderr(`… and ${shown.length - MAX_PRINTED_DIAGNOSTICS} more (all are in the JSON output)\n`);
  }
  const ok = model.inputs.filter((i) => i.status === 'ok').length;
  io.stderr(`archmap: ${model.inputs.length} file(s): ${ok} ok; ${model.entities.length} entities, ${model.relations.length} relations, ${model.findings.length} finding(s)\n`);
}

export function reachesFailOn(model: ArchitectureModel, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = SEVERITY_RANK[failOn];
  const severities: Severity[] = [...model.diagnostics.map((d) => d.severity), ...model.findings.map((f) => f.severity)];
  return severities.some((s) => SEVERITY_RANK[s] >= threshold);
}
