import { describe, expect, it } from 'vitest';
import type { OrgUnitNode } from '@scimon/contracts';
import { collectPoints, flattenTree } from './org-unit-points.ts';

const node = (
  code: string,
  level: string,
  children: OrgUnitNode[] = [],
  coords: [number, number] | null = null,
  kind = 'area',
): OrgUnitNode => ({
  code,
  parentCode: null,
  level,
  kind,
  nameZh: `${code}中`,
  nameEn: `${code} en`,
  shortNameZh: null,
  shortNameEn: null,
  lat: coords ? coords[0] : null,
  lon: coords ? coords[1] : null,
  coordApproximate: true,
  areaKm2: null,
  within: null,
  overlaps: [],
  validFrom: '2023-01-01',
  validTo: null,
  assumption: null,
  children,
});

describe('org-unit points', () => {
  const tree = [
    node('WSC', 'city', [
      node('SC', 'part', [
        node('Z1', 'zone', [
          node('P1', 'park', [], [30.4, 104.1]),
          node('S1', 'park', [], [30.5, 104.2], 'site'),
          node('P2', 'park'),
        ]),
      ]),
    ]),
  ];

  it('collects units with coordinates, with their zone and part', () => {
    const pts = collectPoints(tree);
    expect(pts.map((p) => [p.code, p.kind, p.zoneCode, p.partNameZh])).toEqual([
      ['P1', 'area', 'Z1', 'SC中'],
      ['S1', 'site', 'Z1', 'SC中'],
    ]);
    expect(pts[0]).toMatchObject({ lat: 30.4, lon: 104.1, labelZh: 'P1中' });
  });

  it('flattens the tree depth first', () => {
    expect(flattenTree(tree).map((n) => n.code)).toEqual(['WSC', 'SC', 'Z1', 'P1', 'S1', 'P2']);
  });
});
