import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes chunks to a file atomically: a temporary file in the same directory, written chunk by chunk
 * through a file handle, flushed to disk, then a rename. Any error (a failed write, a chunk source
 * that throws, a full disk) removes the temporary file and leaves the old file as it was. The flush
 * comes before the rename so that a crash right after it cannot leave an empty or partial file where
 * the old one was.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'w');
    for (const chunk of chunks) await writeAll(handle, Buffer.from(chunk, 'utf8'));
    await handle.datasync();
    const done = handle;
    handle = undefined;
    await done.close();
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
