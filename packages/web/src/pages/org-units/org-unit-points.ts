// Pure: the org-unit tree flattened to the points of the schematic map (units with coordinates).
import type { OrgUnitNode } from '@scimon/contracts';

export interface UnitPoint {
  code: string;
  nameZh: string;
  nameEn: string;
  labelZh: string;
  labelEn: string;
  kind: string;
  level: string;
  lat: number;
  lon: number;
  /** The pilot zone the point belongs to (its own code for a zone). */
  zoneCode: string;
  zoneNameZh: string;
  zoneNameEn: string;
  /** The part (四川片区 / 重庆片区) the point lies in. */
  partNameZh: string;
  partNameEn: string;
}

export function collectPoints(roots: readonly OrgUnitNode[]): UnitPoint[] {
  const out: UnitPoint[] = [];
  const walk = (node: OrgUnitNode, zone: OrgUnitNode | null, part: OrgUnitNode | null) => {
    const z = node.level === 'zone' ? node : zone;
    const pt = node.level === 'part' ? node : part;
    if (node.lat !== null && node.lon !== null) {
      out.push({
        code: node.code,
        nameZh: node.nameZh,
        nameEn: node.nameEn,
        labelZh: node.shortNameZh ?? node.nameZh,
        labelEn: node.shortNameEn ?? node.nameEn,
        kind: node.kind,
        level: node.level,
        lat: node.lat,
        lon: node.lon,
        zoneCode: z?.code ?? node.code,
        zoneNameZh: z ? (z.shortNameZh ?? z.nameZh) : node.nameZh,
        zoneNameEn: z ? (z.shortNameEn ?? z.nameEn) : node.nameEn,
        partNameZh: pt ? (pt.shortNameZh ?? pt.nameZh) : '',
        partNameEn: pt ? (pt.shortNameEn ?? pt.nameEn) : '',
      });
    }
    for (const c of node.children) walk(c, z, pt);
  };
  for (const r of roots) walk(r, null, null);
  return out;
}

/** Every node of the tree, depth first (for look-ups by code). */
export function flattenTree(roots: readonly OrgUnitNode[]): OrgUnitNode[] {
  const out: OrgUnitNode[] = [];
  const walk = (n: OrgUnitNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}
