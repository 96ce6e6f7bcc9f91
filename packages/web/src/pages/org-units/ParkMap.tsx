// The schematic map of the park points (lazy: brings ECharts in its own chunk).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import { buildParkMapOption } from '../../charts/park-map-option.ts';
import type { UnitPoint } from './org-unit-points.ts';

export default function ParkMap({ points }: { points: UnitPoint[] }) {
  const { t, i18n } = useTranslation('orgUnits');
  const en = i18n.language === 'en-US';
  const option = useMemo(
    () =>
      buildParkMapOption(
        points.map((p) => ({
          code: p.code,
          label: en ? p.labelEn : p.labelZh,
          name: en ? p.nameEn : p.nameZh,
          kind: p.kind,
          lat: p.lat,
          lon: p.lon,
          group: en ? p.zoneNameEn : p.zoneNameZh,
          panel: en ? p.partNameEn : p.partNameZh,
        })),
        {
          lon: t('map.lon'),
          lat: t('map.lat'),
          kinds: { area: t('kind.area'), site: t('kind.site'), planning_area: t('kind.planning_area') },
        },
      ),
    [points, en, t],
  );
  return <EChart option={option} height={460} ariaLabel={t('map.caption')} />;
}
