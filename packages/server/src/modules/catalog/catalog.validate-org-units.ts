import { ORG_UNIT_LEVELS, type CatalogueProblem, type OrgUnit } from '@scimon/contracts/catalog/index';
import type { LocatedCatalogue } from './catalog.located.ts';
import { problemAt, type Located } from './catalog.problem.ts';
import { findDuplicates } from './catalog.validate-shared.ts';

/** A park leaf: an area at park level. Park leaves are disjoint and are the only units that report data. */
export function isParkLeaf(u: OrgUnit): boolean {
  return u.kind === 'area' && u.level === 'park';
}

/** Checks the 一城多园 tree and the reference regions. */
export function validateOrgUnits(c: LocatedCatalogue): CatalogueProblem[] {
  const units = new Map(c.orgUnits.map((u) => [u.value.code, u] as const));
  const allCodes: Located<{ code: string }>[] = [...c.orgUnits, ...c.referenceRegions];
  const problems: CatalogueProblem[] = [
    ...findDuplicates(allCodes, (u) => u.code, 'code', {
      en: 'org-unit or reference-region code',
      zh: '组织单元或参照区域代码',
    }),
  ];
  const known = (code: string): boolean => units.has(code) || c.rejectedCodes.has(code);
  for (const unit of c.orgUnits) {
    problems.push(
      ...checkParent(unit, units, known),
      ...checkPlace(unit),
      ...checkRelations(unit, units, known),
    );
  }
  problems.push(...checkCycles(c.orgUnits, units));
  return problems;
}

function checkParent(
  unit: Located<OrgUnit>,
  units: Map<string, Located<OrgUnit>>,
  known: (code: string) => boolean,
): CatalogueProblem[] {
  const u = unit.value;
  const levelIndex = ORG_UNIT_LEVELS.indexOf(u.level);
  if (u.parentCode === null) {
    return levelIndex === 0
      ? []
      : [
          problemAt(
            unit.at,
            'parentCode',
            'E_CATALOG_LEVEL_ORDER',
            `a ${u.level} needs a parent`,
            `${u.level} 级单元须有上级`,
          ),
        ];
  }
  const parent = units.get(u.parentCode);
  if (!parent) {
    return known(u.parentCode)
      ? []
      : [
          problemAt(
            unit.at,
            'parentCode',
            'E_CATALOG_UNKNOWN_PARENT',
            `unknown parent ${u.parentCode}`,
            `未知上级单元 ${u.parentCode}`,
          ),
        ];
  }
  const problems: CatalogueProblem[] = [];
  const expected = ORG_UNIT_LEVELS[levelIndex - 1];
  if (parent.value.level !== expected) {
    problems.push(
      problemAt(
        unit.at,
        'level',
        'E_CATALOG_LEVEL_ORDER',
        `a ${u.level} must sit under a ${expected ?? '(nothing: city is the root)'}, not under ${parent.value.code} (${parent.value.level})`,
        `${u.level} 级单元的上级应为 ${expected ?? '无(city 为根)'} 级, 而 ${parent.value.code} 为 ${parent.value.level} 级`,
      ),
    );
  }
  if (u.kind === 'area' && parent.value.kind !== 'area') {
    problems.push(
      problemAt(
        unit.at,
        'parentCode',
        'E_CATALOG_LEVEL_ORDER',
        `an area must sit under an area, not under ${parent.value.code} (${parent.value.kind})`,
        `area 单元的上级须为 area, 而 ${parent.value.code} 为 ${parent.value.kind}`,
      ),
    );
  }
  return problems;
}

function checkPlace(unit: Located<OrgUnit>): CatalogueProblem[] {
  const u = unit.value;
  const problems: CatalogueProblem[] = [];
  if ((u.lat === null) !== (u.lon === null)) {
    problems.push(
      problemAt(
        unit.at,
        u.lat === null ? 'lat' : 'lon',
        'E_CATALOG_BAD_COORDINATES',
        'lat and lon are given together or not at all',
        '经纬度须同时填写或同时为空',
      ),
    );
  }
  if (u.validTo !== null && u.validTo < u.validFrom) {
    problems.push(
      problemAt(
        unit.at,
        'validTo',
        'E_CATALOG_INVALID_FIELD',
        'validTo is before validFrom',
        '失效日期早于生效日期',
      ),
    );
  }
  return problems;
}

function checkRelations(
  unit: Located<OrgUnit>,
  units: Map<string, Located<OrgUnit>>,
  known: (code: string) => boolean,
): CatalogueProblem[] {
  const u = unit.value;
  const problems: CatalogueProblem[] = [];
  const related: { field: string; code: string; relation: 'within' | 'overlaps' }[] = [
    ...(u.within === null ? [] : [{ field: 'within', code: u.within, relation: 'within' as const }]),
    ...u.overlaps.map((code, i) => ({ field: `overlaps.${i}`, code, relation: 'overlaps' as const })),
  ];
  for (const { field, code, relation } of related) {
    const other = units.get(code);
    if (!other) {
      if (!known(code))
        problems.push(
          problemAt(
            unit.at,
            field.split('.')[0] ?? field,
            'E_CATALOG_UNKNOWN_ORG_UNIT',
            `unknown org unit ${code} in ${relation}`,
            `${relation} 中的组织单元 ${code} 不存在`,
          ),
        );
      continue;
    }
    if (code === u.code) {
      problems.push(
        problemAt(
          unit.at,
          field.split('.')[0] ?? field,
          'E_CATALOG_UNKNOWN_ORG_UNIT',
          `an org unit cannot be ${relation} itself`,
          `组织单元不能 ${relation} 自身`,
        ),
      );
    } else if (isParkLeaf(u) && isParkLeaf(other.value)) {
      problems.push(
        problemAt(
          unit.at,
          field.split('.')[0] ?? field,
          'E_CATALOG_PARK_OVERLAP',
          `park leaves are disjoint: ${u.code} cannot be ${relation} park ${code}; make one of them a site or planning_area`,
          `园区叶节点互不重叠: ${u.code} 不能 ${relation === 'within' ? '位于' : '重叠于'}园区 ${code} 内; 应将其一设为 site 或 planning_area`,
        ),
      );
    }
  }
  return problems;
}

function checkCycles(items: Located<OrgUnit>[], units: Map<string, Located<OrgUnit>>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const unit of items) {
    const seen = new Set<string>([unit.value.code]);
    let parent = unit.value.parentCode;
    while (parent !== null) {
      if (seen.has(parent)) {
        problems.push(
          problemAt(
            unit.at,
            'parentCode',
            'E_CATALOG_PARENT_CYCLE',
            `parent chain of ${unit.value.code} loops back to ${parent}`,
            `${unit.value.code} 的上级链条形成循环(${parent})`,
          ),
        );
        break;
      }
      seen.add(parent);
      parent = units.get(parent)?.value.parentCode ?? null;
    }
  }
  return problems;
}
