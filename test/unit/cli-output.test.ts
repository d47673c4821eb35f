/** The CLI's output writers: atomic chunked file writes, streamed comparison, stdout backpressure. */
import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compareWithFile } from '../../src/cli/compare-file.js';
import { writeChunksAtomic } from '../../src/cli/write-atomic.js';
import { writeWithBackpressure } from '../../src/cli/write-stream.js';
import { terminalText } from '../../src/cli/run.js';
import { errorMessage } from '../../src/discover/walk.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'archmap-out-'));

function* throwingAfter(chunks: readonly string[]): Generator<string, void, undefined> {
  yield* chunks;
  throw new Error('renderer failed midway');
}

describe('writeChunksAtomic', () => {
  it('writes every chunk (multi-byte text across chunks) and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.md');
    writeFileSync(target, 'old');
    const chunks = ['ünï', 'x'.repeat(100_000), '🚀\n', '', '名前'];
    await writeChunksAtomic(target, chunks);
    expect(readFileSync(target, 'utf8')).toBe(chunks.join(''));
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('a chunk source that throws midway leaves the old file intact and no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.json');
    writeFileSync(target, 'old content\n');
    await expect(writeChunksAtomic(target, throwingAfter(['{\n', 'y'.repeat(200_000)]))).rejects.toThrow('renderer failed midway');
    expect(readFileSync(target, 'utf8')).toBe('old content\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a failing rename (the target is a directory) removes the temporary file', async () => {
    const dir = tempDir();
    await expect(writeChunksAtomic(dir, ['a', 'b'])).rejects.toThrow();
    const parent = join(dir, '..');
    expect(readdirSync(parent).filter((f) => f.includes('.tmp') && f.includes(dir.split('/').pop() ?? ''))).toEqual([]);
  });

  it('an unwritable directory: the error is raised, nothing is created', async () => {
    const dir = tempDir();
    await expect(writeChunksAtomic(join(dir, 'missing', 'out.md'), ['a'])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('compareWithFile', () => {
  const dir = tempDir();
  const file = join(dir, 'f.txt');
  const chunks = ['ab', 'ü', '', 'c\n'];

  it('current, stale (different, shorter, longer) and missing', async () => {
    writeFileSync(file, 'abüc\n');
    expect(await compareWithFile(file, chunks)).toBe('current');
    writeFileSync(file, 'abuc\n');
    expect(await compareWithFile(file, chunks)).toBe('stale');
    writeFileSync(file, 'abü');
    expect(await compareWithFile(file, chunks)).toBe('stale');
    writeFileSync(file, 'abüc\n\n');
    expect(await compareWithFile(file, chunks)).toBe('stale');
    writeFileSync(file, '');
    expect(await compareWithFile(file, [])).toBe('current');
    expect(await compareWithFile(join(dir, 'nope.txt'), chunks)).toBe('missing');
  });

  it('stops at the first difference without producing the remaining chunks', async () => {
    writeFileSync(file, 'zzzz');
    expect(await compareWithFile(file, throwingAfter(['ab']))).toBe('stale');
  });
});

describe('writeWithBackpressure', () => {
  it('resolves only once the stream has taken the chunk, in order', async () => {
    const written: string[] = [];
    let pending: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _enc, callback) {
        written.push(chunk.toString('utf8'));
        pending = callback;
      },
    });
    let settled = false;
    const first = writeWithBackpressure(slow, 'more than four').then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    pending?.();
    await first;
    expect(settled).toBe(true);
    expect(written).toEqual(['more than four']);
  });

  it('rejects with the write error (EPIPE when the reader has gone)', async () => {
    const failing = new Writable({
      write(_chunk, _enc, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }));
      },
    });
    failing.on('error', () => undefined);
    await expect(writeWithBackpressure(failing, 'xx')).rejects.toThrow('EPIPE');
    await expect(writeWithBackpressure(failing, 'yy')).rejects.toThrow();
  });
});

describe('writeChunksAtomic keeps what the path names', () => {
  it('through a symbolic link it replaces the file the link points to; the link stays', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync('real.md', join(dir, 'link.md'));
    await writeChunksAtomic(join(dir, 'link.md'), ['new']);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('a replaced file keeps its permissions', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.md');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    await writeChunksAtomic(path, ['new']);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('writes into a FIFO instead of renaming over it', async () => {
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8').on('data', (c) => (text += String(c))).on('end', () => resolve(text)).on('error', reject);
    });
    await writeChunksAtomic(fifo, ['through ', 'the pipe']);
    expect(await read).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('terminalText', () => {
  it('shows line breaks, escape sequences and other control characters as \\u escapes, on one line', () => {
    expect(terminalText('a\nb.yaml:1: error fake\r\u001b[31mred\u0085\u2028')).toBe('a\\u000ab.yaml:1: error fake\\u000d\\u001b[31mred\\u0085\\u2028');
    expect(terminalText('plain "text" · ünïcode')).toBe('plain "text" · ünïcode');
  });

  it('shows bidirectional and zero-width characters as \\u escapes (no Trojan Source reordering in logs)', () => {
    expect(terminalText('key\u202egnp.exe\u2066x\u2069\u061c\u200b\ufeff')).toBe('key\\u202egnp.exe\\u2066x\\u2069\\u061c\\u200b\\ufeff');
    // Joiners that scripts and emoji need are left alone.
    expect(terminalText('a\u200db\u200cc')).toBe('a\u200db\u200cc');
  });
});

describe('errorMessage', () => {
  it('gives a system error its code once and leaves out the call and the (temporary) path', async () => {
    const err: unknown = await writeChunksAtomic(join(tempDir(), 'missing', 'out.md'), ['a']).catch((e: unknown) => e);
    expect(errorMessage(err)).toBe('ENOENT: no such file or directory');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('text')).toBe('text');
  });
});
