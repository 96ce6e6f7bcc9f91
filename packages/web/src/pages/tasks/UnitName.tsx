// A lead unit by its short name in the UI language (the full name, English or Chinese, on hover).
import { useMemo } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLeadUnits } from '../../api/catalogue.ts';

interface Ref {
  code: string;
  shortName?: string;
  fullName?: string;
}

export function useUnitName() {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  const units = useLeadUnits();
  const full = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  return {
    en,
    short: (u: Ref) =>
      en
        ? t(`leadUnit.${u.code}`, { defaultValue: u.code })
        : (u.shortName ?? full.get(u.code)?.shortName ?? u.code),
    full: (u: Ref) =>
      en ? (full.get(u.code)?.nameEn ?? u.code) : (u.fullName ?? full.get(u.code)?.fullName ?? u.code),
  };
}

export function UnitNames({ units }: { units: readonly Ref[] }) {
  const name = useUnitName();
  const sep = name.en ? ', ' : '、';
  return (
    <span className="unit-names">
      {units.map((u, i) => (
        <Tooltip key={u.code} title={name.full(u)}>
          <span>
            {name.short(u)}
            {i < units.length - 1 ? sep : ''}
          </span>
        </Tooltip>
      ))}
    </span>
  );
}

export function UnitName({ unit }: { unit: Ref }) {
  return <UnitNames units={[unit]} />;
}
