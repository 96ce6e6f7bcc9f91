export * from './cell-number.ts';
