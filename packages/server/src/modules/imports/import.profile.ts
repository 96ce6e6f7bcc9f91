// Phase timings of an import, for the speed bench (bench/import.bench.ts): off unless
// SCIMON_IMPORT_PROFILE=1, then one line per phase on stderr. Costs nothing when off.
const ON = process.env.SCIMON_IMPORT_PROFILE === '1';
let last = 0;

/** Marks the end of a phase: prints the milliseconds since the previous mark (or `start`). */
export function profileMark(label: string): void {
  if (!ON) return;
  const now = performance.now();
  if (last) process.stderr.write(`[import] ${label.padEnd(34)} ${(now - last).toFixed(0).padStart(7)} ms\n`);
  last = now;
}

/** Starts the clock of an import. */
export function profileStart(): void {
  if (ON) last = performance.now();
}
