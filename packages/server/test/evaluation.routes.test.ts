// Evaluation runs through the HTTP API on both dialects: a hand-computed run (min-max + arithmetic, equal
// weights) from the values /api/monitoring/series serves, input-hash stability, Monte Carlo in a worker
// thread (reproducible from the seed, cancellable), visibility of unpublished runs, publication rules,
// the live AHP check and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../test-support/app.ts';
import { Client, userClient, type Json } from '../../../test-support/http-client.ts';
import { bumpDataVersion } from '../src/modules/monitoring/data-version.ts';

const YEAR = 2024;
const PICKED = ['hitech_enterprises', 'national_key_labs', 'tech_smes'];
const PICKED_DIMS = ['D2', 'D3', 'D4'];

/** Overrides keeping only the picked indicators and their dimensions (equal weights among them). */
function onlyPicked(nodes: { code: string; kind: string }[]): Record<string, number> {
  const o: Record<string, number> = {};
  for (const n of nodes) {
    if (n.kind === 'indicator') o[n.code] = PICKED.includes(n.code) ? 1 : 0;
    if (n.kind === 'dimension') o[n.code] = PICKED_DIMS.includes(n.code) ? 1 : 0;
  }
  return o;
}

/** 1 = best, ties share the smallest rank (R rank(-x, ties = "min")). */
const rankDesc = (xs: number[]) => xs.map((x) => 1 + xs.filter((y) => y > x).length);

describe.each(testDialects())('evaluation API on %s', (dialect) => {
  let s: SeededApp;
  let analyst: Client;
  let coordinator: Client;
  let anon: Client;
  let nodes: { code: string; kind: string }[] = [];
  let tinyRunId = 0;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock('2026-11-28'));
    analyst = await userClient(s, 'ana-eval', 'analyst', 'WSC');
    coordinator = await userClient(s, 'coord-eval', 'coordinator', 'WSC');
    anon = new Client(s.app);
  }, 60_000);
  afterAll(async () => s.close());

  const create = (c: Client, body: Json) => c.send('POST', '/api/evaluation/runs', body);
  const waitFor = async (id: number, until: (b: Json) => boolean, ms = 60_000) => {
    const t0 = Date.now();
    for (;;) {
      const r = await analyst.send('GET', `/api/evaluation/runs/${id}`);
      if (until(r.body!) || Date.now() - t0 > ms) return r.body!;
      await new Promise((res) => setTimeout(res, 50));
    }
  };

  it('checks AHP matrices live: weights, λmax, CI, CR and consistency', async () => {
    const textbook = [
      [1, 3, 5, 9],
      [1 / 3, 1, 3, 7],
      [1 / 5, 1 / 3, 1, 3],
      [1 / 9, 1 / 7, 1 / 3, 1],
    ];
    const ok = await analyst.send('POST', '/api/evaluation/ahp', { matrix: textbook });
    expect(ok.status).toBe(200);
    expect(ok.body!.n).toBe(4);
    expect(ok.body!.consistent).toBe(true);
    expect(ok.body!.lambdaMax).toBeCloseTo(4.0876, 3);
    expect(ok.body!.ci).toBeCloseTo(0.0292, 3);
    expect(ok.body!.cr).toBeCloseTo(0.0325, 3);
    [0.5735, 0.2712, 0.1102, 0.0451].forEach((w, i) => expect(ok.body!.weights[i]).toBeCloseTo(w, 3));
    // Circular preferences: answered (not refused) with consistent = false, so the page can show CR.
    const circular = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    const bad = await analyst.send('POST', '/api/evaluation/ahp', { matrix: circular });
    expect(bad.status).toBe(200);
    expect(bad.body!.consistent).toBe(false);
    expect(bad.body!.cr).toBeGreaterThan(0.1);
    const broken = await analyst.send('POST', '/api/evaluation/ahp', {
      matrix: [
        [1, 2],
        [2, 1],
      ],
    });
    expect(broken.status).toBe(400);
    expect(broken.body!.error).toMatchObject({ code: 'E_EVALUATION_AHP_MATRIX' });
    expect((await anon.send('POST', '/api/evaluation/ahp', { matrix: textbook })).status).toBe(401);
  });

  it('computes a tiny min-max + arithmetic run exactly as by hand from the served series', async () => {
    // First learn the run's nodes (all evaluated indicators), then keep three of them.
    const probe = await create(analyst, { years: [YEAR], level: 'park', dataStatus: 'published' });
    expect(probe.status).toBe(201);
    nodes = probe.body!.results.nodes;
    expect(nodes.filter((n) => n.kind === 'indicator').length).toBe(20);
    expect(nodes.filter((n) => n.kind === 'dimension').map((n) => n.code)).toEqual([
      'D1',
      'D2',
      'D3',
      'D4',
      'D5',
    ]);

    const res = await create(analyst, {
      name: 'tiny',
      years: [YEAR],
      level: 'park',
      dataStatus: 'published',
      settings: { weights: { overrides: onlyPicked(nodes) } },
    });
    expect(res.status).toBe(201);
    const run = res.body!;
    tinyRunId = run.id;
    expect(run).toMatchObject({
      status: 'done',
      progress: 1,
      published: false,
      level: 'park',
      years: [YEAR],
    });
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const rows: Json[] = run.results.rows;
    expect(rows).toHaveLength(16);

    // Hand computation from the monitoring API's own values.
    const parks: string[] = rows.map((r) => r.orgUnit);
    const values = new Map<string, number[]>();
    for (const ind of PICKED) {
      const col: number[] = [];
      for (const p of parks) {
        const series = await anon.send('GET', `/api/monitoring/series?indicator=${ind}&orgUnit=${p}`);
        col.push(series.body!.items.find((i: Json) => i.period === String(YEAR)).value);
      }
      values.set(ind, col);
    }
    const normalised = PICKED.map((ind) => {
      const x = values.get(ind)!;
      const lo = Math.min(...x);
      const hi = Math.max(...x);
      return x.map((v) => ((v - lo) / (hi - lo)) * 100);
    });
    const index = parks.map((_, i) => normalised.reduce((a, col) => a + col[i]!, 0) / PICKED.length);
    const ranks = rankDesc(index);
    rows.forEach((r, i) => {
      PICKED.forEach((ind, j) => {
        expect(r.values[ind]).toBe(values.get(ind)![i]);
        expect(r.scores[ind]).toBeCloseTo(normalised[j]![i]!, 9);
      });
      expect(r.scores.INDEX).toBeCloseTo(index[i]!, 9);
      expect(r.ranks.INDEX).toBe(ranks[i]);
    });
    const eff = Object.fromEntries(run.results.nodes.map((n: Json) => [n.code, n.effectiveWeight]));
    for (const ind of PICKED) expect(eff[ind]).toBeCloseTo(1 / 3, 12);
    expect(eff.gdp).toBeUndefined(); // weight-0 components are not evaluated
  });

  it('keeps the input hash stable for the same inputs and changes it with the settings', async () => {
    const body = {
      years: [YEAR],
      level: 'park',
      dataStatus: 'published',
      settings: { weights: { overrides: onlyPicked(nodes) } },
    };
    const again = await create(analyst, body);
    const first = await analyst.send('GET', `/api/evaluation/runs/${tinyRunId}`);
    expect(again.body!.inputHash).toBe(first.body!.inputHash);
    const other = await create(analyst, {
      ...body,
      settings: { ...body.settings, normalise: { method: 'zscore' } },
    });
    expect(other.status).toBe(201);
    expect(other.body!.inputHash).not.toBe(first.body!.inputHash);
  });

  it('hides unpublished runs from anonymous callers (404) and lists only published ones for them', async () => {
    const r = await anon.send('GET', `/api/evaluation/runs/${tinyRunId}`);
    expect(r.status).toBe(404);
    expect(r.body!.error.code).toBe('E_EVALUATION_RUN_NOT_FOUND');
    const list = await anon.send('GET', '/api/evaluation/runs');
    expect(list.body!.items.every((i: Json) => i.published)).toBe(true);
    expect((await analyst.send('GET', '/api/evaluation/runs')).body!.total).toBeGreaterThan(0);
    expect((await create(anon, { years: [YEAR], level: 'park' })).status).toBe(401);
  });

  it('publishes a finished run on published inputs (coordinator only), then shows it to everyone', async () => {
    const denied = await analyst.send('POST', `/api/evaluation/runs/${tinyRunId}/publish`);
    expect(denied.status).toBe(403);
    const pub = await coordinator.send('POST', `/api/evaluation/runs/${tinyRunId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ published: true, publishedBy: 'coord-eval' });
    expect((await anon.send('GET', `/api/evaluation/runs/${tinyRunId}`)).status).toBe(200);
    const list = await anon.send('GET', '/api/evaluation/runs');
    expect(list.body!.items.map((i: Json) => i.id)).toContain(tinyRunId);
    const twice = await coordinator.send('POST', `/api/evaluation/runs/${tinyRunId}/publish`);
    expect(twice.body!.error.code).toBe('E_EVALUATION_ALREADY_PUBLISHED');
    const events = await s.t.db
      .selectFrom('audit_event')
      .select(['action', 'actor'])
      .where('object_type', '=', 'evaluation_run')
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'evaluation.run_created', actor: 'ana-eval' },
        { action: 'evaluation.run_published', actor: 'coord-eval' },
      ]),
    );
  });

  it('runs the Monte Carlo in a worker thread, reproducibly from the seed', async () => {
    const body = {
      years: [YEAR],
      level: 'park',
      settings: {
        uncertainty: { runs: 400, seed: 11, weightNoise: 0.5, winmax: [3, 5], sensitivity: { n: 40 } },
        treat: { method: 'winsorise' },
      },
    };
    const a = await create(analyst, body);
    expect(a.status).toBe(201);
    expect(['queued', 'running']).toContain(a.body!.status);
    expect(a.body!.results.rows).toHaveLength(16); // the nominal results are there at once
    const da = await waitFor(a.body!.id, (b) => b.status === 'done' || b.status === 'failed');
    expect(da.status).toBe('done');
    expect(da.progress).toBe(1);
    const u = da.uncertainty;
    expect(u).toMatchObject({ year: YEAR, runs: 400, done: 400 });
    expect(u.ranks).toHaveLength(16);
    const nominal = new Map(da.results.rows.map((r: Json) => [r.orgUnit, r.ranks.INDEX]));
    for (const r of u.ranks) {
      expect(r.nominal).toBe(nominal.get(r.orgUnit));
      expect(r.q5).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.q95);
    }
    expect(u.sensitivity.factors.map((f: Json) => f.name)).toEqual(['Winmax', 'Weights']);
    const b = await create(analyst, body);
    const db = await waitFor(b.body!.id, (x) => x.status === 'done' || x.status === 'failed');
    expect(db.inputHash).toBe(da.inputHash);
    expect(db.uncertainty.ranks).toEqual(u.ranks);
  }, 90_000);

  it('cancels a running Monte Carlo: the worker stops and the run stays cancelled', async () => {
    const res = await create(analyst, {
      years: [YEAR],
      level: 'park',
      settings: {
        normalise: { method: 'minmax', lower: 1, upper: 100 },
        uncertainty: {
          runs: 50_000,
          seed: 3,
          normalisations: [
            { method: 'minmax', lower: 1, upper: 100 },
            { method: 'zscore', mean: 10, sd: 1 },
          ],
          aggregations: ['amean', 'gmean', 'hmean'],
          sensitivity: { n: 5000 },
        },
      },
    });
    expect(res.status).toBe(201);
    const id = res.body!.id;
    const running = await waitFor(
      id,
      (b) => b.status !== 'queued' && (b.progress > 0 || b.status !== 'running'),
    );
    expect(running.status).toBe('running');
    const c = await analyst.send('POST', `/api/evaluation/runs/${id}/cancel`);
    expect(c.status).toBe(200);
    expect(c.body!.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 600));
    const after = (await analyst.send('GET', `/api/evaluation/runs/${id}`)).body!;
    expect(after.status).toBe('cancelled');
    expect(after.uncertainty).toBeNull();
    expect(after.progress).toBeLessThan(1);
    expect((await analyst.send('POST', `/api/evaluation/runs/${id}/cancel`)).body!.error.code).toBe(
      'E_EVALUATION_NOT_CANCELLABLE',
    );
    expect((await coordinator.send('POST', `/api/evaluation/runs/${id}/publish`)).body!.error.code).toBe(
      'E_EVALUATION_NOT_FINISHED',
    );
  }, 90_000);

  it('evaluates zones over several years with panel normalisation, ranking within each year', async () => {
    const r = await create(analyst, {
      years: [2023, YEAR],
      level: 'zone',
      settings: { weights: { indicators: 'entropy', dimensions: 'sum-of-children' } },
    });
    expect(r.status).toBe(201);
    const rows: Json[] = r.body!.results.rows;
    expect(new Set(rows.map((x) => x.orgUnit))).toEqual(new Set(['CD-KXC', 'MY-KJC', 'LJ-XTQ', 'CQ-KXC']));
    for (const y of [2023, YEAR])
      expect(
        rows
          .filter((x) => x.year === y)
          .map((x) => x.ranks.INDEX)
          .sort(),
      ).toEqual([1, 2, 3, 4]);
    const entropy: Json[] = r.body!.results.weighting.entropy;
    expect(entropy.reduce((a, e) => a + e.w, 0)).toBeCloseTo(1, 12);
    // sum-of-children: the effective weights are the flat entropy weights.
    const eff = Object.fromEntries(r.body!.results.nodes.map((n: Json) => [n.code, n.effectiveWeight]));
    for (const e of entropy) expect(eff[e.indicator]).toBeCloseTo(e.w, 12);
  });

  it('refuses bad settings with coded errors', async () => {
    const unknown = await create(analyst, {
      years: [YEAR],
      level: 'park',
      settings: { weights: { overrides: { nope: 1 } } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body!.error.code).toBe('E_EVALUATION_SETTINGS');
    const ahp = await create(analyst, {
      years: [YEAR],
      level: 'park',
      settings: { weights: { dimensions: 'ahp' } },
    });
    expect(ahp.body!.error.code).toBe('E_EVALUATION_SETTINGS');
    const noData = await create(analyst, { years: [2031], level: 'park' });
    expect(noData.status).toBe(422);
    expect(noData.body!.error.code).toBe('E_EVALUATION_NO_UNITS');
    const dims = ['D1', 'D2', 'D3', 'D4', 'D5'];
    const circular = await create(analyst, {
      years: [YEAR],
      level: 'park',
      settings: {
        weights: {
          dimensions: 'ahp',
          ahp: [
            {
              parent: 'INDEX',
              children: dims,
              matrix: dims.map((_, i) =>
                dims.map((_, j) =>
                  i === j
                    ? 1
                    : i + 1 === j || (i === 4 && j === 0)
                      ? 9
                      : j + 1 === i || (j === 4 && i === 0)
                        ? 1 / 9
                        : 1,
                ),
              ),
            },
          ],
        },
      },
    });
    expect(circular.body!.error.code).toBe('E_EVALUATION_AHP_INCONSISTENT');
  });

  it('refuses to publish a run that used unpublished (approved) values', async () => {
    const unit = await s.t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'CD-XLH')
      .executeTakeFirstOrThrow();
    await s.t.db
      .insertInto('data_value')
      .values({
        indicator_code: 'hitech_enterprises',
        org_unit_id: unit.id,
        period_code: String(YEAR),
        source: 'report',
        value: 999,
        status: 'approved',
        version: 1,
        comment: null,
        source_ref: null,
        updated_by: 'test',
        updated_at: '2026-11-28T10:00:00+08:00',
      })
      .execute();
    await bumpDataVersion(s.t.db);
    const overrides = onlyPicked(nodes);
    const reviewed = await create(analyst, {
      years: [YEAR],
      level: 'park',
      settings: { weights: { overrides } },
    });
    expect(reviewed.body!.dataStatus).toBe('reviewed');
    const xlh = reviewed.body!.results.rows.find((r: Json) => r.orgUnit === 'CD-XLH');
    expect(xlh.values.hitech_enterprises).toBe(999); // the approved report outranks the sample
    const refused = await coordinator.send('POST', `/api/evaluation/runs/${reviewed.body!.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body!.error.code).toBe('E_EVALUATION_INPUTS_UNPUBLISHED');
    // The same request on published data only is publishable.
    const published = await create(analyst, {
      years: [YEAR],
      level: 'park',
      dataStatus: 'published',
      settings: { weights: { overrides } },
    });
    expect(
      (await coordinator.send('POST', `/api/evaluation/runs/${published.body!.id}/publish`)).status,
    ).toBe(200);
  });
});
