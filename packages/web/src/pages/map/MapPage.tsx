// 地图: the schematic of the parks by approximate coordinates (no boundaries, no tiles), each point
// coloured by one chosen indicator and sized by another, in a chosen year.
import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Select, Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOrgUnitTree } from '../../api/catalogue.ts';
import { useFramework, useSeriesMany } from '../../api/monitoring.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { SampleTag } from '../../components/SampleTag.tsx';
import { collectPoints } from '../org-units/org-unit-points.ts';

const IndicatorMap = lazy(() => import('./IndicatorMap.tsx'));

export default function MapPage() {
  const { t, i18n } = useTranslation('map');
  const en = i18n.language === 'en-US';
  const [params, setParams] = useSearchParams();
  const colour = params.get('colour') ?? 'rd_intensity';
  const size = params.get('size') ?? 'hitech_revenue';
  const tree = useOrgUnitTree();
  const fw = useFramework();
  const points = useMemo(
    () => collectPoints(tree.data ?? []).filter((p) => p.level === 'park' && p.kind === 'area'),
    [tree.data],
  );
  const codes = useMemo(() => points.map((p) => p.code), [points]);
  const colourSeries = useSeriesMany(colour, codes);
  const sizeSeries = useSeriesMany(size, codes);
  const years = [
    ...new Set(
      colourSeries.data.flatMap((s) => s.items.filter((i) => i.value !== null).map((i) => i.period)),
    ),
  ].sort();
  const yearParam = params.get('year');
  const year = yearParam && years.includes(yearParam) ? yearParam : (years[years.length - 1] ?? '');
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next);
  };
  const options = (fw.data?.indicators ?? []).map((i) => ({
    value: i.code,
    label: en ? i.nameEn : i.nameZh,
  }));
  const colourInd = fw.data?.indicators.find((i) => i.code === colour);
  const sizeInd = fw.data?.indicators.find((i) => i.code === size);
  const sample = colourSeries.data.some((s) => s.sample) || sizeSeries.data.some((s) => s.sample);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {sample && <SampleTag size="large" />}
        </Space>
        <Space wrap>
          <label htmlFor="map-colour">{t('colourBy')}</label>
          <Select
            id="map-colour"
            showSearch
            optionFilterProp="label"
            style={{ width: 230 }}
            value={colour}
            options={options}
            onChange={(v: string) => set('colour', v)}
          />
          <label htmlFor="map-size">{t('sizeBy')}</label>
          <Select
            id="map-size"
            showSearch
            optionFilterProp="label"
            style={{ width: 230 }}
            value={size}
            options={options}
            onChange={(v: string) => set('size', v)}
          />
          <label htmlFor="map-year">{t('common:chart.year')}</label>
          <Select
            id="map-year"
            style={{ width: 100 }}
            value={year || undefined}
            options={years.map((y) => ({ value: y, label: y }))}
            onChange={(v: string) => set('year', v)}
          />
        </Space>
      </Space>
      <Card
        size="small"
        extra={<Typography.Text type="secondary">{t('caption')}</Typography.Text>}
        title={t('cardTitle')}
      >
        <QueryState
          isPending={tree.isPending || fw.isPending || colourSeries.isPending || sizeSeries.isPending}
          error={tree.error ?? fw.error ?? colourSeries.error ?? sizeSeries.error}
          isEmpty={points.length === 0}
          onRetry={() => {
            void tree.refetch();
            colourSeries.refetch();
            sizeSeries.refetch();
          }}
        >
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 520 }} />}>
            {colourInd && sizeInd && (
              <IndicatorMap
                points={points}
                year={year}
                colour={{ indicator: colourInd, series: colourSeries.data }}
                size={{ indicator: sizeInd, series: sizeSeries.data }}
                sample={sample}
              />
            )}
          </Suspense>
        </QueryState>
        <Alert type="info" showIcon banner message={t('note')} style={{ marginTop: 8 }} />
      </Card>
    </div>
  );
}
