/**
 * Runs batches on worker threads when the built worker module exists (`dist/…/worker.js`), else
 * in-thread. Under vitest (TypeScript sources) there is no `.js` worker, so batches run in-thread;
 * the worker path is exercised through the built CLI. `ARCHMAP_WORKERS=0` turns workers off,
 * `ARCHMAP_WORKERS=force` uses them even for small files or few cores.
 *
 * Workers are used by default only with MIN_CORES_FOR_WORKERS cores. On 2 vCPUs (measured, see
 * docs/performance.md) one worker + the main thread is slower than the main thread alone: the worker
 * saves at most half of the parse, while its start-up (a second module graph), the structured clone
 * of its results (serialised there, deserialised here), the byte copies and a second heap's GC cost
 * CPU that the two cores, shared with the GC helper threads and other work, do not have spare.
 *
 * `node:worker_threads` is loaded only when a pool starts (it costs ~2 ms at every CLI start-up
 * otherwise). In the bundled CLI (`dist/bundle/main.js`, scripts/bundle.mjs) `import.meta.url` is the
 * bundle, and the bundled worker is built beside it as `dist/bundle/worker.js`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { isObject } from '../../../core/guards.js';
import { processBatch, type BatchInput, type BatchResult } from './batch.js';

/** Below this size the cost of starting workers is more than what they save. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
const MAX_WORKERS = 3;
/** Below this many cores batches run in-thread unless `ARCHMAP_WORKERS=force`. */
const MIN_CORES_FOR_WORKERS = 4;

interface Reply {
  readonly seq: number;
  readonly result: BatchResult;
}

function isReply(value: unknown): value is Reply {
  return isObject(value) && typeof value['seq'] === 'number' && isObject(value['result']) && Array.isArray(value['result']['entities']);
}

export interface BatchRunner {
  run(input: BatchInput): Promise<BatchResult>;
  close(): Promise<void>;
  readonly threads: number;
}

export function createRunner(fileSize: number): BatchRunner {
  const mode = process.env['ARCHMAP_WORKERS'];
  const url = new URL('./worker.js', import.meta.url);
  const script = url.protocol === 'file:' ? fileURLToPath(url) : undefined;
  const cores = availableParallelism();
  const wanted = mode === 'force' || (mode !== '0' && fileSize >= WORKER_MIN_BYTES && cores >= MIN_CORES_FOR_WORKERS);
  // One core stays with the main thread, which parses its share of the batches.
  const count = Math.min(MAX_WORKERS, cores - 1);
  if (!wanted || !script || !existsSync(script)) return inThread;
  return new WorkerPool(script, Math.max(1, count));
}

const inThread: BatchRunner = {
  run: (input) => Promise.resolve(processBatch(input)),
  close: () => Promise.resolve(),
  threads: 0,
};

class WorkerPool implements BatchRunner {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { input: BatchInput; resolve: (r: BatchResult) => void }>();
  private seq = 0;

  readonly threads: number;

  constructor(script: string, workers: number) {
    this.threads = workers + 1;
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < workers; i++) {
      const w = new Worker(script);
      w.on('message', (msg: unknown) => this.settle(msg));
      // A worker that dies hands its batches back to the main thread: the import still completes.
      w.on('error', () => this.rescue());
      this.workers.push(w);
    }
  }

  run(input: BatchInput): Promise<BatchResult> {
    const seq = this.seq++;
    // The main thread takes its share too: it would otherwise only wait, and its batches need no copying.
    const slot = seq % (this.workers.length + 1);
    if (slot === this.workers.length) return Promise.resolve(processBatch(input));
    const worker = this.workers[slot];
    return new Promise((resolve) => {
      this.waiting.set(seq, { input, resolve });
      // A view would clone its whole underlying buffer: send an exact copy and transfer it instead.
      const bytes = new Uint8Array(input.bytes);
      if (worker) worker.postMessage({ seq, input: { ...input, bytes } }, [bytes.buffer]);
      else resolve(processBatch(input));
    });
  }

  private settle(msg: unknown): void {
    if (!isReply(msg)) return;
    const w = this.waiting.get(msg.seq);
    if (!w) return;
    this.waiting.delete(msg.seq);
    w.resolve(msg.result);
  }

  private rescue(): void {
    for (const [seq, w] of [...this.waiting]) {
      this.waiting.delete(seq);
      w.resolve(processBatch(w.input));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
