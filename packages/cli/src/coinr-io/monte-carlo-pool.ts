// Splits Monte Carlo runs over threads (node:worker_threads) and merges their rank histograms.
// Core stays single-threaded and pure; this is the CLI's (Node-only) parallel driver.
//
// The main thread prepares the analysis once and works too; `workers − 1` worker threads receive
// the prepared analysis and join as soon as they have started. Every thread claims chunks of runs
// from a shared counter, so start-up latency and a busy machine only shift the split, never the
// result (run k uses the stream (seed, k); histograms add up). Worker threads run a plain-JS bundle
// of monte-carlo-worker.ts built with esbuild at first use and cached (node_modules/.cache/scimon,
// rebuilt when a source it bundles changes; the build overlaps the preparation), because starting
// tsx in a worker costs more than the runs themselves (docs/methodology/evaluation.md); if the
// bundle cannot be built they fall back to tsx.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PipelineInput, PipelineSpec } from '@scimon/core/composite/pipeline';
import {
  createMonteCarloRunner,
  prepareUncertainty,
  type PreparedUncertainty,
  type UncertaintySpec,
} from '@scimon/core/uncertainty/monte-carlo';
import { mergeRankHistograms, type RankHistogram } from '@scimon/core/uncertainty/rank-histogram';
import type { Problem } from '@scimon/core';
import { claimChunk, isCancelled, type MonteCarloJob, type WorkerMessage } from './monte-carlo-job.ts';

export type { MonteCarloJob } from './monte-carlo-job.ts';

export interface PoolResult {
  prepared: PreparedUncertainty;
  histogram: RankHistogram;
  failed: number;
  cancelled: boolean;
  /** Where the time went (ms since the call): for benchmarks and diagnostics. */
  timing: PoolTiming;
}

export interface PoolTiming {
  /** Preparation done (base pipeline and normalised variants). */
  prepared: number;
  /** Worker source ready (bundle built, or tsx chosen), when worker threads were used. */
  source?: { kind: 'bundle' | 'tsx'; at: number };
  /** Per thread (0 = main): runs done, and for worker threads when they were ready to run. */
  threads: { runs: number; ready?: number }[];
  /** All runs done and histograms merged. */
  total: number;
}

export interface PoolOptions {
  /** Threads doing runs, the main thread included (1 = no worker thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to 1 (Atomics.store) to cancel. */
  cancel?: SharedArrayBuffer;
  /** Runs claimed at a time (default 128: ~20–40 ms of work, small enough to balance the threads). */
  chunk?: number;
  /**
   * Whether the main thread takes runs too (default true). False: `workers` worker threads do
   * every run (tests use it to exercise the workers).
   */
  mainThread?: boolean;
}

/** Default thread count: every core, at most 8; 1 (in-process) for small jobs. */
export function defaultWorkers(runs: number): number {
  return runs < 1000 ? 1 : Math.min(8, availableParallelism());
}

/** How a worker thread is started: the esbuild bundle (eval'd CommonJS) or the tsx loader. */
type WorkerSource = { kind: 'bundle'; code: string } | { kind: 'tsx' };

let workerSource: Promise<WorkerSource> | undefined;

const workerEntry = fileURLToPath(new URL('./monte-carlo-worker.ts', import.meta.url));
/** Bundle cache (node_modules is ignored by git and owned by the checkout's user). */
const cacheDir = fileURLToPath(new URL('../../../../node_modules/.cache/scimon/', import.meta.url));
const manifestFile = path.join(cacheDir, 'monte-carlo-worker.json');
const BUNDLE_OPTIONS = { bundle: true, platform: 'node', format: 'cjs', target: 'node20' } as const;

/** Hash of the bundle's inputs (their contents) and options: the cache key. */
function inputsHash(files: readonly string[]): string {
  const h = createHash('sha256').update(JSON.stringify(BUNDLE_OPTIONS));
  for (const f of files) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

/** The cached bundle when its manifest's inputs are unchanged, else undefined. */
function cachedBundle(): string | undefined {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      inputs: string[];
      hash: string;
      file: string;
    };
    if (inputsHash(m.inputs) !== m.hash) return undefined;
    return readFileSync(path.join(cacheDir, m.file), 'utf8');
  } catch {
    return undefined;
  }
}

function writeCache(inputs: string[], code: string): void {
  try {
    const hash = inputsHash(inputs);
    const file = `monte-carlo-worker-${hash.slice(0, 16)}.cjs`;
    mkdirSync(cacheDir, { recursive: true });
    const tmp = path.join(cacheDir, `.${process.pid}-${file}`);
    writeFileSync(tmp, code);
    renameSync(tmp, path.join(cacheDir, file));
    writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify({ inputs, hash, file }));
    renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  } catch {
    // no cache: the next process bundles again
  }
}

/**
 * The worker as one plain-JS file: from the cache when its inputs are unchanged, else bundled
 * with esbuild (and cached); once per process. The tsx loader if esbuild is unavailable.
 */
function loadWorkerSource(): Promise<WorkerSource> {
  workerSource ??= (async (): Promise<WorkerSource> => {
    const cached = cachedBundle();
    if (cached) return { kind: 'bundle', code: cached };
    try {
      // esbuild ships with tsx (the CLI's TypeScript runner); resolved at run time only.
      const esbuildName = 'esbuild';
      const esbuild = (await import(esbuildName)) as {
        build(o: Record<string, unknown>): Promise<{
          outputFiles?: { text: string }[];
          metafile?: { inputs: Record<string, unknown> };
        }>;
      };
      const cwd = path.dirname(workerEntry);
      const r = await esbuild.build({
        ...BUNDLE_OPTIONS,
        entryPoints: [workerEntry],
        absWorkingDir: cwd,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const code = r.outputFiles?.[0]?.text;
      if (!code) return { kind: 'tsx' };
      writeCache(
        Object.keys(r.metafile?.inputs ?? {}).map((f) => path.resolve(cwd, f)),
        code,
      );
      return { kind: 'bundle', code };
    } catch {
      return { kind: 'tsx' };
    }
  })();
  return workerSource;
}

function startWorker(src: WorkerSource): Worker {
  return src.kind === 'bundle'
    ? new Worker(src.code, { eval: true })
    : new Worker(new URL('./monte-carlo-worker.mjs', import.meta.url));
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `runs` Monte Carlo runs on the main thread and `workers − 1` worker threads. */
export async function runMonteCarloPool(
  input: PipelineInput,
  spec: PipelineSpec,
  uspec: UncertaintySpec,
  seed: number,
  runs: number,
  opts: PoolOptions = {},
): Promise<{ ok: true; value: PoolResult } | { ok: false; error: Problem }> {
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const nThreads = Math.max(1, Math.min(opts.workers ?? defaultWorkers(runs), runs));
  const mainWorks = opts.mainThread ?? true;
  const nWorkerThreads = mainWorks ? nThreads - 1 : nThreads;
  const chunk = Math.max(1, Math.floor(opts.chunk ?? 128));
  const cancel = opts.cancel ?? new SharedArrayBuffer(4);
  // Start bundling before preparing: esbuild works in its own process meanwhile.
  const source = nWorkerThreads > 0 ? loadWorkerSource() : undefined;
  if (source) await nextTick();
  const prepared = prepareUncertainty(input, spec, uspec);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const timing: PoolTiming = { prepared: since(), threads: [{ runs: 0 }], total: 0 };
  const job: MonteCarloJob = { prepared: p, seed, runs, chunk, next: new SharedArrayBuffer(4), cancel };
  const done = new Array<number>(nWorkerThreads + 1).fill(0);
  const report = (thread: number, d: number) => {
    done[thread] = d;
    opts.onProgress?.(
      done.reduce((a, b) => a + b, 0),
      runs,
    );
  };
  const histograms: RankHistogram[] = [];
  let failed = 0;
  let cancelled = false;
  const workers: Promise<void>[] = [];
  // Workers that have not been sent the job yet: stopped unused once the main thread is done.
  const waiting = new Map<Worker, () => void>();
  let exhausted = false;
  if (source) {
    const src = await source;
    timing.source = { kind: src.kind, at: since() };
    for (let w = 1; w <= nWorkerThreads; w++) {
      workers.push(
        new Promise<void>((resolve, reject) => {
          const worker = startWorker(src);
          const stats: { runs: number; ready?: number } = { runs: 0 };
          timing.threads[w] = stats;
          let finished = false;
          const stop = () => {
            finished = true;
            waiting.delete(worker);
            void worker.terminate();
            resolve();
          };
          waiting.set(worker, stop);
          worker.on('message', (m: WorkerMessage) => {
            if (m.type === 'ready') {
              stats.ready = since();
              if (exhausted) return stop();
              waiting.delete(worker);
              worker.postMessage(job);
            } else if (m.type === 'progress') report(w, m.done);
            else {
              stats.runs = m.runs;
              if (m.runs > 0) histograms.push({ nUnits: p.nUnits, counts: m.counts, valid: m.valid });
              failed += m.failed;
              cancelled ||= m.cancelled;
              stop();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (!finished) reject(new Error(`Monte Carlo worker exited (${code}) before finishing`));
          });
        }),
      );
    }
  }
  // The main thread's share, a chunk at a time, yielding in between (messages, SIGINT).
  const runner = createMonteCarloRunner(p, seed);
  const shouldCancel = () => isCancelled(cancel);
  while (mainWorks) {
    if (shouldCancel()) {
      cancelled = true;
      break;
    }
    const c = claimChunk(job);
    if (!c) break;
    const before = runner.runs;
    if (!runner.run(c[0], c[1], { shouldCancel, onProgress: (d) => report(0, before + d) })) {
      cancelled = true;
      break;
    }
    await nextTick();
  }
  if (mainWorks) {
    // Nothing left to claim: a worker still starting would only start to stop.
    exhausted = true;
    for (const stop of [...waiting.values()]) stop();
  }
  const histogram = runner.finish();
  failed += runner.failed;
  await Promise.all(workers);
  for (const h of histograms) mergeRankHistograms(histogram, h);
  timing.threads[0] = { runs: runner.runs };
  timing.total = since();
  return { ok: true, value: { prepared: p, histogram, failed, cancelled, timing } };
}
