// Org-unit drill-down shared by the dashboards: a breadcrumb from the science city to the current unit
// (each step a link back up) and the units below as buttons (city → 片区 → 先行启动区 → 园区).
// Only units that roll up (kind area) are offered.
import { Breadcrumb, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitNode } from '@scimon/contracts';
import './dashboard.css';

export function findPath(roots: readonly OrgUnitNode[], code: string | undefined): OrgUnitNode[] {
  const walk = (n: OrgUnitNode, trail: OrgUnitNode[]): OrgUnitNode[] | null => {
    const next = [...trail, n];
    if (n.code === code) return next;
    for (const c of n.children) {
      const found = walk(c, next);
      if (found) return found;
    }
    return null;
  };
  for (const r of roots) {
    const p = walk(r, []);
    if (p) return p;
  }
  return roots[0] ? [roots[0]] : [];
}

/** The unit's (short) name; in English the city keeps its full name (its short name is the acronym WSC). */
export const unitName = (
  n: {
    nameZh: string;
    nameEn: string;
    shortNameZh?: string | null;
    shortNameEn?: string | null;
    level?: string | null;
  },
  en: boolean,
  short = false,
) =>
  en
    ? short && n.level !== 'city'
      ? (n.shortNameEn ?? n.nameEn)
      : n.nameEn
    : short
      ? (n.shortNameZh ?? n.nameZh)
      : n.nameZh;

interface Props {
  roots: readonly OrgUnitNode[];
  value: string | undefined;
  onChange: (code: string) => void;
}

export function OrgUnitPicker({ roots, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const path = findPath(roots, value);
  const current = path[path.length - 1];
  const children = (current?.children ?? []).filter((c) => c.kind === 'area');
  return (
    <div className="org-unit-picker" data-testid="org-unit-picker">
      <Breadcrumb
        items={path.map((n, i) => ({
          key: n.code,
          title:
            i === path.length - 1 ? (
              <strong data-testid="current-unit">{unitName(n, en, true)}</strong>
            ) : (
              <a
                href={`?orgUnit=${n.code}`}
                onClick={(e) => {
                  e.preventDefault();
                  onChange(n.code);
                }}
              >
                {unitName(n, en, true)}
              </a>
            ),
        }))}
      />
      {children.length > 0 && (
        <Space size={[6, 6]} wrap style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('chart.children')}:</Typography.Text>
          {children.map((c) => (
            <Button key={c.code} size="small" onClick={() => onChange(c.code)} data-unit={c.code}>
              {unitName(c, en, true)}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
}
