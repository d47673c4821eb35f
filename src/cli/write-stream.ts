import type { Writable } from 'node:stream';

/**
 * Writes text to a stream and resolves once the stream has handed it on (rejects with the write's
 * error), so a caller that awaits each chunk never has more than one chunk buffered: backpressure.
 * The stream's 'error' event still fires; the caller must listen to it (see main.ts).
 */
export function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
