import { open, type FileHandle } from 'node:fs/promises';

export type FileState = 'current' | 'stale' | 'missing';

/**
 * Whether a file holds exactly the bytes of `chunks`, compared chunk by chunk without building the
 * whole text; stops at the first difference (the rest of the chunks is not produced). A file that
 * does not exist is missing; one that exists but cannot be read (permissions, a directory) is an
 * error for the caller to report, not a stale output.
 */
export async function compareWithFile(path: string, chunks: Iterable<string>): Promise<FileState> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (isNotFound(err)) return 'missing';
    throw err;
  }
  try {
    let position = 0;
    for (const chunk of chunks) {
      const expected = Buffer.from(chunk, 'utf8');
      const actual = await readAt(handle, expected.length, position);
      if (!actual.equals(expected)) return 'stale';
      position += expected.length;
    }
    return (await readAt(handle, 1, position)).length === 0 ? 'current' : 'stale';
  } finally {
    await handle.close();
  }
}

/** Up to `length` bytes at `position` (fewer only at the end of the file). */
async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}
