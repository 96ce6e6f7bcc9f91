// Lead units by short name, one tag each; the full name on hover.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadUnit } from '@scimon/contracts';

interface Ref {
  code: string;
  shortName: string;
  fullName: string;
}

export function LeadUnitTags({
  units,
  names,
}: {
  units: readonly Ref[];
  names: ReadonlyMap<string, LeadUnit>;
}) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  return (
    <span className="lead-units" data-testid="lead-units">
      {units.map((u) => (
        <Tooltip key={u.code} title={en ? (names.get(u.code)?.nameEn ?? u.fullName) : u.fullName}>
          <Tag color="blue" bordered={false} style={{ marginInlineEnd: 4 }}>
            {en ? t(`leadUnit.${u.code}`, { defaultValue: u.code }) : u.shortName}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
