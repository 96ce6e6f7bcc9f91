export * from './tree.ts';
export * from './rollup.ts';
export * from './time.ts';
export * from './monitor.ts';
