// The thread pool gives the in-process histogram whatever the split: worker threads only, main
// thread plus workers with small chunks; workers run the esbuild bundle (not the tsx fallback).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  col,
  frameworkFromIMeta,
  matrixFromTable,
  num,
  parseCsv,
} from '@scimon/core/composite/testing/coinr-csv';
import type { PipelineInput, PipelineSpec } from '@scimon/core/composite/pipeline';
import { prepareUncertainty, runMonteCarloChunk } from '@scimon/core/uncertainty/monte-carlo';
import { referenceDir } from '../../../../test-support/reference.ts';
import { runMonteCarloPool } from './monte-carlo-pool.ts';

const dir = referenceDir('coinr');
const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));

function exampleCoin(): { input: PipelineInput; spec: PipelineSpec } {
  const fw = frameworkFromIMeta(load('iMeta.csv'));
  const iData = load('iData.csv');
  const denominators = fw.nodes
    .slice(0, fw.nIndicators)
    .map((n) => (n.denominator ? Float64Array.from(col(iData, n.denominator), num) : null));
  const ind = fw.nodes.slice(0, fw.nIndicators).map((n) => n.code);
  return {
    input: { framework: fw, data: matrixFromTable(iData, ind), denominators },
    spec: {
      denominate: true,
      impute: { method: 'mean-by', groups: col(iData, 'EurAsia_group') },
      screen: { datThresh: 0.9 },
      normalise: { method: 'minmax', lower: 1, upper: 100 },
    },
  };
}

describe.skipIf(!dir)('Monte Carlo thread pool', () => {
  const uspec = { weightNoise: 0.25, aggregations: ['amean' as const, 'gmean' as const] };
  const runs = 900;

  it('worker threads only, and main thread + workers in small chunks, equal the in-process histogram', async () => {
    const { input, spec } = exampleCoin();
    const p = prepareUncertainty(input, spec, uspec);
    if (!p.ok) throw new Error(p.error.message);
    const want = runMonteCarloChunk(p.value, 11, 0, runs);
    for (const opts of [
      { workers: 2, mainThread: false },
      { workers: 3, chunk: 7 },
    ]) {
      const r = await runMonteCarloPool(input, spec, uspec, 11, runs, opts);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.timing.source?.kind).toBe('bundle');
      expect(r.value.timing.threads.reduce((a, t) => a + t.runs, 0)).toBe(runs);
      if (opts.mainThread === false) expect(r.value.timing.threads[0]?.runs).toBe(0);
      expect(r.value.failed).toBe(want.failed);
      expect(r.value.cancelled).toBe(false);
      expect(Array.from(r.value.histogram.counts)).toEqual(Array.from(want.histogram.counts));
      expect(Array.from(r.value.histogram.valid)).toEqual(Array.from(want.histogram.valid));
    }
  });

  it('a set cancel flag stops every thread', async () => {
    const { input, spec } = exampleCoin();
    const cancel = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(cancel), 0, 1);
    const r = await runMonteCarloPool(input, spec, uspec, 11, runs, {
      workers: 2,
      mainThread: false,
      cancel,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.cancelled).toBe(true);
    expect(r.value.timing.threads.reduce((a, t) => a + t.runs, 0)).toBe(0);
  });
});
