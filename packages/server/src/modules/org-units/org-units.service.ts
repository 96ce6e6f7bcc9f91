// The tree valid on a date (default today): units whose validity covers it.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { OrgUnitNode, ReferenceRegion } from '@scimon/contracts';
import { listOrgUnitParents, listReferenceRegions, listTreeUnits } from './org-units.repository.ts';
import { buildTree, presentReferenceRegion } from './org-units.presenter.ts';

export async function getOrgUnitTree(db: Kysely<Database>, onDate: string): Promise<OrgUnitNode[]> {
  const rows = await listTreeUnits(db);
  const valid = rows.filter((r) => r.valid_from <= onDate && (r.valid_to === null || r.valid_to >= onDate));
  return buildTree(valid);
}

export async function getReferenceRegions(db: Kysely<Database>): Promise<ReferenceRegion[]> {
  return (await listReferenceRegions(db)).map(presentReferenceRegion);
}

/** The unit's code followed by its ancestors' up to the root; null for an unknown code. */
export async function getOrgUnitPath(db: Kysely<Database>, code: string): Promise<string[] | null> {
  const rows = await listOrgUnitParents(db);
  const parentOf = new Map(rows.map((r) => [r.code, r.parent_code]));
  if (!parentOf.has(code)) return null;
  const path: string[] = [];
  for (let c: string | null | undefined = code; c && !path.includes(c); c = parentOf.get(c)) path.push(c);
  return path;
}
