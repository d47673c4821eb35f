/**
 * Streamed renderer output: a renderer yields text pieces; `groupChunks` packs them into chunks of
 * about `CHUNK_CHARS` so writers see neither one call per token nor one string for the whole output
 * (which V8 cannot build past its longest string). `joinChunks` is the string form, for small outputs.
 */

/** Target chunk length in UTF-16 code units (≈ 64 KiB of ASCII). */
export const CHUNK_CHARS = 64 * 1024;

/** Packs pieces into chunks of at least `size` characters (the last may be shorter); no empty chunks. */
export function* groupChunks(pieces: Iterable<string>, size = CHUNK_CHARS): Generator<string, void, undefined> {
  let buf = '';
  for (const piece of pieces) {
    buf += piece;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

/** The pieces, then `tail`. */
export function* followedBy(pieces: Iterable<string>, tail: string): Generator<string, void, undefined> {
  yield* pieces;
  yield tail;
}

/** The whole output as one string. */
export function joinChunks(chunks: Iterable<string>): string {
  let out = '';
  for (const c of chunks) out += c;
  return out;
}

/**
 * `text.trimEnd()` of the concatenated pieces, streamed: trailing whitespace is held back until
 * something other than whitespace follows it, and dropped at the end.
 */
export function* trimEndChunks(pieces: Iterable<string>): Generator<string, void, undefined> {
  let held = '';
  for (const piece of pieces) {
    const kept = piece.trimEnd();
    if (kept === '') {
      held += piece;
      continue;
    }
    yield held + kept;
    held = piece.slice(kept.length);
  }
}

/** `lines.join('\n')` over the concatenation of `blocks` (each a run of lines), one piece per block. */
export function* joinLines(blocks: Iterable<readonly string[]>): Generator<string, void, undefined> {
  let first = true;
  for (const lines of blocks) {
    if (lines.length === 0) continue;
    yield first ? lines.join('\n') : `\n${lines.join('\n')}`;
    first = false;
  }
}
