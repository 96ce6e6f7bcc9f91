export * from './codes.ts';
export * from './policy.ts';
export * from './org-units.ts';
export * from './framework.ts';
export * from './values.ts';
export * from './catalogue.ts';
export * from './sample-config.ts';
export * from './published-mapping.ts';
