// 总览 (驾驶舱): the five headline targets of (二), the five dimensions of (十七) and the warnings of the
// chosen org unit and year; URL-addressable (`/?orgUnit=CD-KXC&year=2024`), public (published values).
import { useEffect, useMemo } from 'react';
import { Alert, Card, Col, Empty, List, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DimensionCard, MonitoringWarning } from '@scimon/contracts';
import { useOrgUnitTree } from '../../api/catalogue.ts';
import { useOverview } from '../../api/monitoring.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { SampleTag } from '../../components/SampleTag.tsx';
import { DeferredTooltip } from '../../components/DeferredTooltip.tsx';
import { formatDateTime } from '../../components/format.ts';
import { HeadlineIndicatorCard, TargetCardView } from './TargetCardView.tsx';
import { OPEN_SDG_COLOURS } from './overview-view.ts';
import { overviewParams } from './overview-params.ts';
import './overview.css';

const SEVERITY_COLOURS: Record<string, string> = { high: 'red', medium: 'gold', low: 'blue' };

function Dimensions({ dims }: { dims: DimensionCard[] }) {
  const { t, i18n } = useTranslation('overview');
  const en = i18n.language === 'en-US';
  return (
    <List
      size="small"
      dataSource={dims}
      renderItem={(d) => (
        <List.Item data-testid="dimension">
          <div className="dimension-row">
            <Typography.Text strong>{en ? d.nameEn : d.nameZh}</Typography.Text>
            <DeferredTooltip title={t('dimension.scoreHint', { score: d.score ?? '—' })}>
              <Tag color={OPEN_SDG_COLOURS[d.openSdg] ?? 'default'} tabIndex={0}>
                {t(`openSdg.${d.openSdg}`)}
              </Tag>
            </DeferredTooltip>
            <span className="dimension-coverage">
              {t('dimension.coverage')}
              <Progress
                percent={Math.round(d.coverage * 100)}
                size="small"
                format={(p) => `${p}%`}
                style={{ width: 140, margin: 0 }}
              />
            </span>
            <Typography.Text type="secondary" className="dimension-inds">
              {d.indicators.map((i) => (en ? i.nameEn : i.nameZh)).join(en ? '; ' : '、')}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

function Warnings({ items }: { items: MonitoringWarning[] }) {
  const { t, i18n } = useTranslation('overview');
  const en = i18n.language === 'en-US';
  if (items.length === 0) return <Empty description={t('warnings.none')} />;
  return (
    <List
      size="small"
      dataSource={items}
      pagination={{ pageSize: 6, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
      renderItem={(w) => (
        <List.Item data-testid="warning">
          <Space align="start">
            <Tag color={SEVERITY_COLOURS[w.severity]}>{t(`severity.${w.severity}`)}</Tag>
            <span>
              <Typography.Text type="secondary">
                {t(
                  w.kind === 'source_discrepancy' && w.params.reason === 'unresolved'
                    ? 'warningKind.source_discrepancy_unresolved'
                    : `warningKind.${w.kind}`,
                )}{' '}
                ·{' '}
              </Typography.Text>
              {en ? w.messageEn : w.messageZh}
            </span>
          </Space>
        </List.Item>
      )}
    />
  );
}

export default function OverviewPage() {
  const { t, i18n } = useTranslation('overview');
  const en = i18n.language === 'en-US';
  const [params, setParams] = useSearchParams();
  const { orgUnit, year } = overviewParams(params);
  const tree = useOrgUnitTree();
  const overview = useOverview({ orgUnit, year });
  const data = overview.data;

  // For the speed benchmark: when the cards first show (Performance API, relative to navigation start).
  useEffect(() => {
    if (data && performance.getEntriesByName('scimon:overview-visible').length === 0)
      performance.mark('scimon:overview-visible');
  }, [data]);

  const years = useMemo(() => {
    const set = new Set<number>();
    for (const c of data?.targets ?? []) for (const p of c.trend) set.add(Number(p.period));
    if (data) set.add(data.year);
    return [...set].sort((a, b) => b - a);
  }, [data]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  const headline = data?.dimensions.filter((d) => d.kind !== 'headline') ?? [];
  const unitLabel = data ? (en ? data.orgUnit.nameEn : data.orgUnit.nameZh) : '';

  return (
    <div className="overview-page">
      <div className="overview-header">
        <Space size={12} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {data?.sample && <SampleTag size="large" />}
          {data && (
            <Typography.Text type="secondary" data-testid="as-of">
              {t('asOf', { unit: unitLabel, year: data.year, asOf: data.asOf })}
              {' · '}
              {t(`visibility.${data.visibility}`)}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <label htmlFor="overview-year">{t('common:chart.year')}</label>
          <Select
            id="overview-year"
            data-testid="year-select"
            style={{ width: 110 }}
            value={data?.year ?? year}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(y: number) => setParam('year', String(y))}
          />
        </Space>
      </div>
      <QueryState isPending={tree.isPending} error={tree.error} onRetry={() => void tree.refetch()}>
        <OrgUnitPicker
          roots={tree.data ?? []}
          value={orgUnit ?? data?.orgUnit.code}
          onChange={(code) => setParam('orgUnit', code)}
        />
      </QueryState>
      <div style={{ marginTop: 12 }}>
        <QueryState
          isPending={overview.isPending}
          error={overview.error}
          isEmpty={data?.targets.length === 0 && data.dimensions.length === 0}
          onRetry={() => void overview.refetch()}
        >
          {data && (
            <>
              {data.targets.length === 0 ? (
                <>
                  <Alert type="info" showIcon message={t('noTargets')} style={{ marginBottom: 12 }} />
                  <div className="target-grid" data-testid="target-grid">
                    {(data.dimensions.find((d) => d.kind === 'headline')?.indicators ?? []).map((i) => (
                      <HeadlineIndicatorCard
                        key={i.indicator}
                        item={i}
                        sample={data.sample}
                        year={data.year}
                      />
                    ))}
                  </div>
                </>
              ) : (
                <div className="target-grid" data-testid="target-grid">
                  {data.targets.map((c) => (
                    <TargetCardView key={c.indicator} card={c} frameworkCode={data.framework.code} />
                  ))}
                </div>
              )}
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} xl={13}>
                  <Card size="small" title={t('dimension.title')}>
                    <Dimensions dims={headline} />
                  </Card>
                </Col>
                <Col xs={24} xl={11}>
                  <Card
                    size="small"
                    title={t('warnings.title', { count: data.warnings.length })}
                    data-testid="warnings"
                  >
                    <Warnings items={data.warnings} />
                  </Card>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                {t('footnote', {
                  version: data.framework.version,
                  at: formatDateTime(new Date().toISOString()),
                })}
              </Typography.Paragraph>
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}
