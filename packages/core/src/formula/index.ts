export * from './ast.ts';
export * from './parse.ts';
export * from './check.ts';
export * from './compile.ts';
export * from './graph.ts';
