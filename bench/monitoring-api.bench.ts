// Overview endpoint on the sample data: cold (first call computes the panel) and warm (cached per data
// version; each call still reads the version counter). buildApp + inject() on SQLite. Prints medians.
// Run: node_modules/.bin/tsx bench/monitoring-api.bench.ts
import { createSeededApp } from '../test-support/app.ts';

const REPS = 200;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const s = await createSeededApp('sqlite');
const time = async (url: string) => {
  const t0 = performance.now();
  const res = await s.app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return performance.now() - t0;
};
const cold = await time('/api/monitoring/overview');
const warm: number[] = [];
for (let i = 0; i < REPS; i++) warm.push(await time('/api/monitoring/overview'));
const zone: number[] = [];
await time('/api/monitoring/overview?orgUnit=CD-KXC&year=2024');
for (let i = 0; i < REPS; i++) zone.push(await time('/api/monitoring/overview?orgUnit=CD-KXC&year=2024'));
const warnings: number[] = [];
for (let i = 0; i < REPS; i++) warnings.push(await time('/api/monitoring/warnings'));
console.log(`overview (WSC, sample data) cold:        ${cold.toFixed(1)} ms`);
console.log(`overview (WSC) warm, median of ${REPS}:     ${median(warm).toFixed(2)} ms (target < 50 ms)`);
console.log(`overview (CD-KXC 2024) warm, median:     ${median(zone).toFixed(2)} ms`);
console.log(`warnings (whole tree) warm, median:      ${median(warnings).toFixed(2)} ms`);
await s.close();
if (median(warm) >= 50) process.exitCode = 1;
