export * from './schema.ts';
export * from './dialect.ts';
export * from './migrator.ts';
export * from './background-checkpoint.ts';
