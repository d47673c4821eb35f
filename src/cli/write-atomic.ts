import { chmod, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes chunks to a file atomically: a temporary file in the same directory, written chunk by chunk
 * through a file handle, flushed to disk, then a rename. Any error (a failed write, a chunk source
 * that throws, a full disk) removes the temporary file and leaves the old file as it was. The flush
 * comes before the rename so that a crash right after it cannot leave an empty or partial file where
 * the old one was.
 *
 * What `path` names is kept: through a symbolic link the file it points to is replaced (the link
 * stays a link), a replaced file keeps its permissions, and something that is not a regular file
 * (a FIFO, `/dev/stdout`, a device) is written into, since renaming over it would replace it.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) return writeInto(path, chunks);
  const target = existing ? await realpath(path) : path;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'w');
    if (existing) await chmod(tmp, existing.mode & 0o7777);
    for (const chunk of chunks) await writeAll(handle, Buffer.from(chunk, 'utf8'));
    await handle.datasync();
    const done = handle;
    handle = undefined;
    await done.close();
    await rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Writes the chunks straight into a FIFO, a terminal or a device (no rename is possible). */
async function writeInto(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const chunk of chunks) await writeAll(handle, Buffer.from(chunk, 'utf8'));
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
