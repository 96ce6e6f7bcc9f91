/** Code rules (ASCII): indicator codes are named in formulas; the others are stable identifiers. */
export const INDICATOR_CODE = /^[a-z][a-z0-9_]*$/;
/** Org-unit, lead-unit and source codes. */
export const ENTITY_CODE = /^[A-Z0-9][A-Z0-9_-]*$/;

/** Where a data value comes from. */
export const SOURCE_CODES = ['report', 'provincial', 'national', 'published', 'sample'] as const;
export type SourceCode = (typeof SOURCE_CODES)[number];

/** Stages of facilities and platforms, one controlled list shared with task supervision. */
export const STAGE_CODES = [
  'explore',
  'prepare',
  'reserve',
  'preconditions',
  'started',
  'building',
  'operating',
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

/** Roles, each granted on a scope: an org-unit subtree, or a lead unit for `task_owner`. */
export const ROLES = [
  'admin',
  'coordinator',
  'analyst',
  'reviewer',
  'reporter',
  'task_owner',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];
