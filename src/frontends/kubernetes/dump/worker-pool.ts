/**
 * Runs batches on worker threads when the built worker module exists (`dist/…/worker.js`), else
 * in-thread. Under vitest (TypeScript sources) there is no `.js` worker, so batches run in-thread;
 * the worker path is exercised through the built CLI. `ARCHMAP_WORKERS=0` turns workers off,
 * `ARCHMAP_WORKERS=force` uses them even for small files or few cores.
 *
 * Workers are used by default only with MIN_CORES_FOR_WORKERS cores. On 2 vCPUs (measured, see
 * docs/performance.md) one worker + the main thread gains 3–5 %, within the noise, for 40–70 MB more
 * RSS: the worker's cold first batch, the decoding of its results here and a second heap's GC take
 * most of what it saves, on cores the GC helper threads also use.
 *
 * `node:worker_threads` is loaded only when a pool starts (it costs ~2 ms at every CLI start-up
 * otherwise). In the bundled CLI (`dist/bundle/main.cjs`, scripts/bundle.mjs) `import.meta.url` is the
 * bundle, and the bundled worker is built beside it as `dist/bundle/worker.cjs`: the worker module is
 * `./worker` with this module's own extension.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { isObject } from '../../../core/guards.js';
import { processBatch, type BatchInput, type BatchResult } from './batch.js';
import { fromWire, type WireResult } from './wire.js';

/** Below this size the cost of starting workers is more than what they save. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
const MAX_WORKERS = 3;
/** Below this many cores batches run in-thread unless `ARCHMAP_WORKERS=force`. */
const MIN_CORES_FOR_WORKERS = 4;

interface Reply {
  readonly seq: number;
  readonly result: WireResult;
}

function isReply(value: unknown): value is Reply {
  if (!isObject(value) || typeof value['seq'] !== 'number' || !isObject(value['result'])) return false;
  const entities = value['result']['entities'];
  return typeof entities === 'string' || Array.isArray(entities);
}

export interface BatchRunner {
  run(input: BatchInput): Promise<BatchResult>;
  close(): Promise<void>;
  readonly threads: number;
}

export function createRunner(fileSize: number): BatchRunner {
  const mode = process.env['ARCHMAP_WORKERS'];
  const url = new URL(import.meta.url.endsWith('.cjs') ? './worker.cjs' : './worker.js', import.meta.url);
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

/** Batches queued at one worker at a time; past that the main thread reads the batch itself. */
const WORKER_QUEUE = 2;

/** One worker and the batches it has not answered yet. */
interface Thread {
  readonly worker: Worker;
  /** Batches sent and not yet answered. */
  queued: number;
}

/**
 * Worker threads with the main thread as one more reader. A batch goes to a worker with room in its
 * queue, else the main thread reads it at once: the split follows how fast each side actually is
 * (a worker's start-up and cold JIT, the main thread's decoding of results), so no side waits for a
 * fixed share.
 */
class WorkerPool implements BatchRunner {
  private readonly workers: Thread[] = [];
  private readonly waiting = new Map<number, { input: BatchInput; thread: Thread; resolve: (r: BatchResult) => void }>();
  private seq = 0;
  /** Set when a worker failed: from then on the main thread reads every batch. */
  private failed = false;

  readonly threads: number;

  constructor(script: string, workers: number) {
    this.threads = workers + 1;
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < workers; i++) {
      const w = new Worker(script);
      w.on('message', (msg: unknown) => this.settle(msg));
      // A worker that dies hands its batches back to the main thread: the import still completes.
      w.on('error', () => this.rescue());
      this.workers.push({ worker: w, queued: 0 });
    }
  }

  run(input: BatchInput): Promise<BatchResult> {
    const thread = this.failed ? undefined : this.leastQueued();
    if (!thread) return Promise.resolve(processBatch(input));
    thread.queued++;
    const seq = this.seq++;
    return new Promise((resolve) => {
      this.waiting.set(seq, { input, thread, resolve });
      // A view would clone its whole underlying buffer: send an exact copy and transfer it instead.
      const bytes = new Uint8Array(input.bytes);
      thread.worker.postMessage({ seq, input: { ...input, bytes } }, [bytes.buffer]);
    });
  }

  /** The worker with the fewest batches queued, if one has room. */
  private leastQueued(): Thread | undefined {
    let best: Thread | undefined;
    for (const t of this.workers) if (t.queued < WORKER_QUEUE && (!best || t.queued < best.queued)) best = t;
    return best;
  }

  private settle(msg: unknown): void {
    if (!isReply(msg)) return;
    const w = this.waiting.get(msg.seq);
    if (!w) return;
    this.waiting.delete(msg.seq);
    w.thread.queued--;
    w.resolve(fromWire(msg.result));
  }

  private rescue(): void {
    this.failed = true;
    for (const [seq, w] of [...this.waiting]) {
      this.waiting.delete(seq);
      w.resolve(processBatch(w.input));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((t) => t.worker.terminate()));
  }
}
