/** Worker-thread entry: parses and lowers batches of a kubectl dump, replying with compact entities. */
import { parentPort } from 'node:worker_threads';
import { isObject } from '../../../core/guards.js';
import { processBatch, type BatchInput } from './batch.js';
import { toWire } from './wire.js';

function isBatchInput(value: unknown): value is BatchInput {
  return (
    isObject(value) &&
    (value['syntax'] === 'yaml' || value['syntax'] === 'json') &&
    value['bytes'] instanceof Uint8Array &&
    typeof value['file'] === 'string' &&
    typeof value['indent'] === 'number' &&
    typeof value['firstLine'] === 'number' &&
    typeof value['afterItem'] === 'boolean'
  );
}

parentPort?.on('message', (msg: unknown) => {
  if (!isObject(msg) || typeof msg['seq'] !== 'number' || !isBatchInput(msg['input'])) return;
  parentPort?.postMessage({ seq: msg['seq'], result: toWire(processBatch(msg['input'])) });
});
