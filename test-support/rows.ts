// Rows for tests that build their own org units (a scratch park, every column set), so each test states
// only what matters to it.
import type { Insertable } from 'kysely';
import type { Database } from '@scimon/db';

/** A park directly under `parentId` (none by default), valid from 2020, named by its code. */
export const parkRow = (
  code: string,
  overrides: Partial<Insertable<Database['org_unit']>> = {},
): Insertable<Database['org_unit']> => ({
  code,
  parent_id: null,
  level: 'park',
  kind: 'area',
  region_kind: null,
  name_zh: code,
  name_en: code,
  short_name_zh: null,
  short_name_en: null,
  lat: null,
  lon: null,
  coord_approximate: 1,
  area_km2: null,
  within_code: null,
  overlaps: '[]',
  valid_from: '2020-01-01',
  valid_to: null,
  assumption: null,
  source: null,
  seq: 1,
  ...overrides,
});
