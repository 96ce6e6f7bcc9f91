export * from './growth.ts';
export * from './open-sdg.ts';
export * from './plan-review.ts';
export * from './dimension.ts';
