// 指标 explorer and open-data catalogue: `/indicators` lists every indicator with its metadata;
// `/indicators/:code` shows its metadata page, the trend by org unit, a comparison of units in a year,
// the table with sources, status and per-source history, and the CSV / xlsx downloads.
import { lazy, Suspense, useMemo } from 'react';
import { Button, Card, Descriptions, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FrameworkDetail, Indicator, MonitoringSeries, OrgUnitNode } from '@scimon/contracts';
import { useOrgUnitTree } from '../../api/catalogue.ts';
import { downloadUrl, useFramework, useSeriesMany } from '../../api/monitoring.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { OrgUnitPicker, findPath, unitName } from '../../components/OrgUnitPicker.tsx';
import { SampleTag } from '../../components/SampleTag.tsx';
import { formatNumber } from '../../charts/common-option.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { COMPARATOR_TEXT } from '../overview/overview-view.ts';
import { levelTarget, unitsToCompare, yearsOf } from './explorer-view.ts';

const IndicatorCharts = lazy(() => import('./IndicatorCharts.tsx'));

type Item = MonitoringSeries['items'][number];

function IndicatorSelect({ fw, value }: { fw: FrameworkDetail; value?: string }) {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const navigate = useNavigate();
  const options = fw.dimensions.map((d) => ({
    label: en ? d.nameEn : d.nameZh,
    options: fw.indicators
      .filter((i) => i.dimensionCodes.includes(d.code))
      .map((i) => ({ value: i.code, label: en ? i.nameEn : i.nameZh })),
  }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      aria-label={t('choose')}
      placeholder={t('choose')}
      style={{ width: 360, maxWidth: '100%' }}
      value={value}
      options={options}
      onChange={(code: string) => void navigate(`/indicators/${code}`)}
      data-testid="indicator-select"
    />
  );
}

function Catalogue({ fw }: { fw: FrameworkDetail }) {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const dimName = new Map(fw.dimensions.map((d) => [d.code, en ? d.nameEn : d.nameZh]));
  const columns: ColumnsType<Indicator> = [
    {
      title: t('meta.name'),
      render: (_, i) => <Link to={`/indicators/${i.code}`}>{en ? i.nameEn : i.nameZh}</Link>,
    },
    { title: t('meta.code'), dataIndex: 'code', width: 200 },
    { title: t('meta.unit'), render: (_, i) => (en ? i.unitEn : i.unitZh), width: 140 },
    {
      title: t('meta.dimensions'),
      render: (_, i) => i.dimensionCodes.map((c) => <Tag key={c}>{dimName.get(c) ?? c}</Tag>),
    },
    { title: t('meta.articles'), render: (_, i) => i.articleCodes.join(' '), width: 120 },
  ];
  return (
    <Card
      size="small"
      title={t('catalogue.title')}
      extra={<Typography.Text type="secondary">{t('catalogue.hint')}</Typography.Text>}
    >
      <Table<Indicator>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={fw.indicators}
        pagination={false}
      />
    </Card>
  );
}

function Metadata({
  fw,
  ind,
  unitNames,
}: {
  fw: FrameworkDetail;
  ind: Indicator;
  unitNames: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const unit = en ? ind.unitEn : ind.unitZh;
  const targets = fw.targets.filter((x) => x.indicator === ind.code);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="metadata"
    >
      <Descriptions.Item label={t('meta.definition')} span={2}>
        {en ? ind.definitionEn : ind.definitionZh}
      </Descriptions.Item>
      <Descriptions.Item label={t('meta.unit')}>{unit}</Descriptions.Item>
      <Descriptions.Item label={t('meta.code')}>{ind.code}</Descriptions.Item>
      <Descriptions.Item label={t('meta.formula')}>
        {ind.formula ? <Typography.Text code>{ind.formula}</Typography.Text> : t('meta.noFormula')}
      </Descriptions.Item>
      <Descriptions.Item label={t('meta.aggregation')}>
        {t(`aggregation.${ind.aggregation}`, { defaultValue: ind.aggregation })} ·{' '}
        {ind.direction > 0 ? t('meta.higherBetter') : t('meta.lowerBetter')}
      </Descriptions.Item>
      <Descriptions.Item label={t('meta.source')} span={2}>
        {ind.source}
      </Descriptions.Item>
      {!en && ind.basisZh && (
        <Descriptions.Item label={t('meta.basis')} span={2}>
          {ind.basisZh}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('meta.articles')}>
        {ind.articleCodes.map((a) => (
          <Link key={a} to={`/policy#${encodeURIComponent(a)}`} style={{ marginRight: 6 }}>
            {a}
          </Link>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('meta.targets')}>
        {targets.length === 0
          ? '—'
          : targets.map((x) => (
              <div key={`${x.orgUnit}-${x.year}`}>
                {t('meta.targetLine', {
                  unit: unitNames.get(x.orgUnit) ?? x.orgUnit,
                  year: x.year,
                  cmp: COMPARATOR_TEXT[x.comparator] ?? x.comparator,
                  value: formatNumber(x.value),
                  suffix: x.kind === 'growth' ? t('meta.perYear') : ` ${unit}`,
                })}
              </div>
            ))}
      </Descriptions.Item>
    </Descriptions>
  );
}

function HistoryTable({ series, unit }: { series: MonitoringSeries; unit: string }) {
  const { t } = useTranslation('indicators');
  const source = (s: string) => t(`overview:source.${s}`, { defaultValue: s });
  const columns: ColumnsType<Item> = [
    { title: t('table.year'), dataIndex: 'period', width: 80 },
    {
      title: t('table.value', { unit }),
      align: 'right',
      render: (_, i) => formatNumber(i.value, 3),
      width: 140,
    },
    {
      title: t('table.completeness'),
      align: 'right',
      width: 100,
      render: (_, i) => (i.completeness === null ? '—' : `${Math.round(i.completeness * 1000) / 10}%`),
    },
    {
      title: t('table.status'),
      width: 150,
      render: (_, i) =>
        i.value === null ? (
          <Tag>{t('table.noData')}</Tag>
        ) : i.partial ? (
          <Tag color="warning">{t('table.partial')}</Tag>
        ) : (
          <Tag color="green">{t('table.complete')}</Tag>
        ),
    },
    { title: t('table.origin'), width: 140, render: (_, i) => t(`origin.${i.origin}`) },
    { title: t('table.sources'), render: (_, i) => i.sources.map(source).join('、') || '—' },
    {
      title: t('table.stored'),
      render: (_, i) =>
        i.stored.length === 0
          ? '—'
          : i.stored.map((s) => (
              <div key={s.source}>
                {source(s.source)}: {formatNumber(s.value, 3)}
              </div>
            )),
    },
  ];
  return (
    <Table<Item>
      size="small"
      rowKey="period"
      columns={columns}
      dataSource={[...series.items].reverse()}
      pagination={false}
      data-testid="history-table"
    />
  );
}

function Explorer({ fw, ind }: { fw: FrameworkDetail; ind: Indicator }) {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const [params, setParams] = useSearchParams();
  const tree = useOrgUnitTree();
  const path = useMemo(
    () => findPath(tree.data ?? [], params.get('orgUnit') ?? undefined),
    [tree.data, params],
  );
  const { focus, others } = unitsToCompare(path);
  const { names, fullNames } = useMemo(() => {
    const short = new Map<string, string>();
    const full = new Map<string, string>();
    const visit = (n: OrgUnitNode) => {
      short.set(n.code, unitName(n, en, true));
      full.set(n.code, unitName(n, en));
      n.children.forEach(visit);
    };
    (tree.data ?? []).forEach(visit);
    return { names: short, fullNames: full };
  }, [tree.data, en]);
  const trendCodes = focus
    ? [focus.code, ...(others.length <= 8 && focus.children.length > 0 ? others.map((o) => o.code) : [])]
    : [];
  const compareCodes = others.map((o) => o.code);
  const trend = useSeriesMany(ind.code, trendCodes);
  const compared = useSeriesMany(ind.code, compareCodes);
  const focusSeries = trend.data.find((s) => s.orgUnit.code === focus?.code);
  const years = yearsOf(focusSeries ? [focusSeries] : []);
  const yearParam = params.get('year');
  const withValue = focusSeries?.items.filter((i) => i.value !== null).map((i) => i.period) ?? [];
  const year =
    yearParam && years.includes(yearParam)
      ? yearParam
      : (withValue[withValue.length - 1] ?? years[years.length - 1] ?? '');
  const unit = en ? ind.unitEn : ind.unitZh;
  const name = en ? ind.nameEn : ind.nameZh;
  const target = focus ? levelTarget(fw.targets, ind.code, focus.code) : null;
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next);
  };
  const lang = currentLanguage();
  const sample = trend.data.some((s) => s.sample) || compared.data.some((s) => s.sample);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('meta.title')}>
        <Metadata fw={fw} ind={ind} unitNames={fullNames} />
      </Card>
      <QueryState isPending={tree.isPending} error={tree.error}>
        <OrgUnitPicker roots={tree.data ?? []} value={focus?.code} onChange={(c) => set('orgUnit', c)} />
      </QueryState>
      <Card
        size="small"
        title={
          <Space>
            {t('chart.title')}
            {sample && <SampleTag />}
          </Space>
        }
        extra={
          <Space>
            <label htmlFor="explorer-year">{t('common:chart.year')}</label>
            <Select
              id="explorer-year"
              style={{ width: 100 }}
              value={year || undefined}
              options={years.map((y) => ({ value: y, label: y }))}
              onChange={(y: string) => set('year', y)}
            />
          </Space>
        }
      >
        <QueryState
          isPending={trend.isPending || compared.isPending}
          error={trend.error ?? compared.error}
          isEmpty={trend.data.length === 0}
          onRetry={() => {
            trend.refetch();
            compared.refetch();
          }}
        >
          <Suspense fallback={<Skeleton active />}>
            <IndicatorCharts
              indicator={ind.code}
              name={name}
              unit={unit}
              direction={ind.direction}
              series={trend.data}
              compared={compared.data}
              year={year}
              sample={sample}
              names={names}
              target={
                target
                  ? {
                      value: target.value,
                      label: t('chart.target', {
                        cmp: target.comparator,
                        value: target.value,
                        year: target.year,
                      }),
                    }
                  : null
              }
            />
          </Suspense>
        </QueryState>
      </Card>
      <Card
        size="small"
        title={t('table.title', { unit: focus ? (en ? focus.nameEn : focus.nameZh) : '' })}
        extra={
          <Space>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={downloadUrl(ind.code, 'csv', { orgUnit: focus?.code, lang })}
              data-testid="download-csv"
            >
              CSV
            </Button>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={downloadUrl(ind.code, 'xlsx', { orgUnit: focus?.code, lang })}
              data-testid="download-xlsx"
            >
              Excel (.xlsx)
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('table.downloadHint')}
        </Typography.Paragraph>
        {focusSeries ? <HistoryTable series={focusSeries} unit={unit} /> : <Skeleton active />}
      </Card>
    </Space>
  );
}

export default function IndicatorsPage() {
  const { t, i18n } = useTranslation('indicators');
  const en = i18n.language === 'en-US';
  const { code } = useParams();
  const fw = useFramework();
  const ind = fw.data?.indicators.find((i) => i.code === code);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {ind ? (en ? ind.nameEn : ind.nameZh) : t('title')}
        </Typography.Title>
        {fw.data && <IndicatorSelect fw={fw.data} value={code} />}
      </Space>
      <QueryState isPending={fw.isPending} error={fw.error} onRetry={() => void fw.refetch()}>
        {fw.data && !code && <Catalogue fw={fw.data} />}
        {fw.data && code && !ind && <Typography.Text type="danger">{t('unknown', { code })}</Typography.Text>}
        {fw.data && ind && <Explorer fw={fw.data} ind={ind} />}
      </QueryState>
    </div>
  );
}
