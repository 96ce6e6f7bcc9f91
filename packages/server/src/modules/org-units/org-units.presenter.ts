// Maps org-unit rows to the nested tree and to reference regions, purely.
import type { OrgUnitNode, ReferenceRegion } from '@scimon/contracts';
import type { OrgUnitTable } from '@scimon/db';
import type { Selectable } from 'kysely';

type OrgUnitRow = Selectable<OrgUnitTable> & { parent_code: string | null };

export function presentNode(row: OrgUnitRow): OrgUnitNode {
  return {
    code: row.code,
    parentCode: row.parent_code,
    level: row.level ?? '',
    kind: row.kind,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    shortNameZh: row.short_name_zh,
    shortNameEn: row.short_name_en,
    lat: row.lat,
    lon: row.lon,
    coordApproximate: row.coord_approximate === 1,
    areaKm2: row.area_km2,
    within: row.within_code,
    overlaps: JSON.parse(row.overlaps) as string[],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    assumption: row.assumption,
    children: [],
  };
}

/** Nests rows (already in display order) under their parents; returns the roots. */
export function buildTree(rows: readonly OrgUnitRow[]): OrgUnitNode[] {
  const nodes = new Map(rows.map((r) => [r.code, presentNode(r)]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function presentReferenceRegion(row: Selectable<OrgUnitTable>): ReferenceRegion {
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    kind: row.region_kind ?? '',
    lat: row.lat,
    lon: row.lon,
    coordApproximate: row.coord_approximate === 1,
  };
}
