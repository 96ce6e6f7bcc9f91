// The coloured and sized park schematic (lazy: brings ECharts in its own chunk).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, MonitoringSeries } from '@scimon/contracts';
import { EChart } from '../../charts/EChart.tsx';
import { buildIndicatorMapOption } from '../../charts/indicator-map-option.ts';
import type { UnitPoint } from '../org-units/org-unit-points.ts';

interface Measure {
  indicator: Indicator;
  series: MonitoringSeries[];
}

const valueAt = (m: Measure, code: string, year: string) =>
  m.series.find((s) => s.orgUnit.code === code)?.items.find((i) => i.period === year)?.value ?? null;

export default function IndicatorMap({
  points,
  year,
  colour,
  size,
  sample,
}: {
  points: UnitPoint[];
  year: string;
  colour: Measure;
  size: Measure;
  sample: boolean;
}) {
  const { t, i18n } = useTranslation('map');
  const en = i18n.language === 'en-US';
  const option = useMemo(() => {
    const name = (i: Indicator) => (en ? i.nameEn : i.nameZh);
    const unit = (i: Indicator) => (en ? i.unitEn : i.unitZh);
    return buildIndicatorMapOption(
      points.map((p) => ({
        code: p.code,
        label: en ? p.labelEn : p.labelZh,
        name: en ? p.nameEn : p.nameZh,
        kind: p.kind,
        lat: p.lat,
        lon: p.lon,
        group: en ? p.zoneNameEn : p.zoneNameZh,
        panel: en ? p.partNameEn : p.partNameZh,
        colourValue: valueAt(colour, p.code, year),
        sizeValue: valueAt(size, p.code, year),
      })),
      {
        title: t('chartTitle', { colour: name(colour.indicator), size: name(size.indicator), year }),
        subtitle: `${t('caption')}${sample ? ` · ${t('common:chart.sample')}` : ''}`,
        saveAsImage: t('common:chart.saveAsImage'),
        exportName: `map-${colour.indicator.code}-${size.indicator.code}-${year}`,
        lon: t('orgUnits:map.lon'),
        lat: t('orgUnits:map.lat'),
        kinds: {
          area: t('orgUnits:kind.area'),
          site: t('orgUnits:kind.site'),
          planning_area: t('orgUnits:kind.planning_area'),
        },
        colourName: name(colour.indicator),
        colourUnit: unit(colour.indicator),
        sizeName: name(size.indicator),
        sizeUnit: unit(size.indicator),
        noValue: t('noValue'),
      },
    );
  }, [points, year, colour, size, en, t, sample]);
  return (
    <EChart
      option={option}
      height={560}
      ariaLabel={t('caption')}
      exportName={`map-${colour.indicator.code}-${size.indicator.code}-${year}`}
    />
  );
}
