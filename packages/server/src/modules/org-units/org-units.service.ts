// The tree valid on a date (default today): units whose validity covers it.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { OrgUnitNode, ReferenceRegion } from '@scimon/contracts';
import { listReferenceRegions, listTreeUnits } from './org-units.repository.ts';
import { buildTree, presentReferenceRegion } from './org-units.presenter.ts';

export async function getOrgUnitTree(db: Kysely<Database>, onDate: string): Promise<OrgUnitNode[]> {
  const rows = await listTreeUnits(db);
  const valid = rows.filter((r) => r.valid_from <= onDate && (r.valid_to === null || r.valid_to >= onDate));
  return buildTree(valid);
}

export async function getReferenceRegions(db: Kysely<Database>): Promise<ReferenceRegion[]> {
  return (await listReferenceRegions(db)).map(presentReferenceRegion);
}
