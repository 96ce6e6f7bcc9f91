export * from './value-checks.ts';
export * from './warnings.ts';
export * from './rules.ts';
