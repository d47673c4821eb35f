import type { Writable } from 'node:stream';

/**
 * Writes text to a stream respecting backpressure: resolves at once when the stream takes more, else
 * once it has drained (rejects if it fails first).
 */
export function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      stream.off('drain', onDrain);
      reject(err);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
