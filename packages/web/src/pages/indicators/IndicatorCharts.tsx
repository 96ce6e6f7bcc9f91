// The explorer's two charts (lazy: brings ECharts in its own chunk): trend by org unit and a sorted
// comparison of units in one year, each with the target line where the unit has a level target.
import { useMemo } from 'react';
import { Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonitoringSeries } from '@scimon/contracts';
import { EChart } from '../../charts/EChart.tsx';
import { buildTrendOption } from '../../charts/trend-option.ts';
import { buildCompareOption } from '../../charts/compare-option.ts';
import { compareItems, trendLines, yearsOf } from './explorer-view.ts';

interface Props {
  indicator: string;
  name: string;
  unit: string;
  direction: number;
  series: MonitoringSeries[];
  compared: MonitoringSeries[];
  year: string;
  target: { value: number; label: string } | null;
  sample: boolean;
  /** Short names of the units (code → name) for axis labels and legends. */
  names?: ReadonlyMap<string, string>;
}

export default function IndicatorCharts(p: Props) {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const sampleNote = p.sample ? ` · ${t('common:chart.sample')}` : '';
  const trend = useMemo(
    () =>
      buildTrendOption(
        {
          years: yearsOf(p.series),
          lines: trendLines(p.series, en, p.names),
          unit: p.unit,
          target: p.target,
        },
        {
          title: t('chart.trend', { name: p.name }),
          subtitle: `${t('chart.unit', { unit: p.unit })}${sampleNote}`,
          saveAsImage: t('common:chart.saveAsImage'),
          exportName: `${p.indicator}-trend`,
        },
      ),
    [p.series, p.unit, p.target, p.name, p.indicator, p.names, en, t, sampleNote],
  );
  const compare = useMemo(
    () =>
      buildCompareOption(
        {
          items: compareItems(p.compared, p.year, en, p.names),
          unit: p.unit,
          direction: p.direction,
          target: p.target,
        },
        {
          title: t('chart.compare', { name: p.name, year: p.year }),
          subtitle: `${t('chart.unit', { unit: p.unit })}${sampleNote}`,
          saveAsImage: t('common:chart.saveAsImage'),
          exportName: `${p.indicator}-${p.year}-compare`,
          legend: t('chart.valueIn', { year: p.year }),
        },
      ),
    [p.compared, p.year, p.unit, p.direction, p.target, p.name, p.indicator, p.names, en, t, sampleNote],
  );
  const hasTrend = p.series.some((s) => s.items.some((i) => i.value !== null));
  const hasCompare = compareItems(p.compared, p.year, en).some((i) => i.value !== null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        {hasTrend ? (
          <EChart
            option={trend}
            height={360}
            ariaLabel={t('chart.trend', { name: p.name })}
            exportName={`${p.indicator}-trend`}
          />
        ) : (
          <Empty description={t('common:state.empty')} />
        )}
      </Col>
      <Col xs={24} xl={11}>
        {hasCompare ? (
          <EChart
            option={compare}
            height={360}
            ariaLabel={t('chart.compare', { name: p.name, year: p.year })}
            exportName={`${p.indicator}-${p.year}-compare`}
          />
        ) : (
          <Empty description={t('common:state.empty')} />
        )}
      </Col>
    </Row>
  );
}
