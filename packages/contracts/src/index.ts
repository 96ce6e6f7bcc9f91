export * from './errors.ts';
export * from './api.ts';
export * from './codes.ts';
export * from './auth.ts';
export * from './monitoring.ts';
export * from './tasks.ts';
export * from './collection.ts';
export * from './evaluation.ts';
