// One evaluation run (/evaluation/:id): ranking with rank intervals, radar per unit, sensitivity,
// effective weights, treated points and audit warnings. Analysts, coordinators and admin see every run
// (publish and cancel by role); anyone else sees a published run read-only, and 无权访问 otherwise.
import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Progress,
  Result,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { useSession } from '../../auth/session.ts';
import { ApiError } from '../../api/http.ts';
import { useRun, useRunAction } from '../../features/evaluation/evaluation-api.ts';
import { permissions, yearsOf } from '../../features/evaluation/run-view.ts';
import { NoAccess } from '../../components/NoAccess.tsx';
import { errorText, QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { StatusTag } from './StatusTag.tsx';
import { RankingTable } from './RankingTable.tsx';
import { RunTables } from './RunTables.tsx';
import './evaluation.css';

const RunCharts = lazy(() => import('./RunCharts.tsx'));

export default function RunDetailPage() {
  const { t } = useTranslation('evaluation');
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { user, isLoading } = useSession();
  const perms = permissions(user?.roles.map((g) => g.role) ?? []);
  const run = useRun(id);
  if (isLoading) return <Skeleton active />;
  const notFound = !Number.isInteger(id) || (run.error instanceof ApiError && run.error.status === 404);
  if (notFound || (run.data && !run.data.published && !perms.staff)) {
    // Unpublished runs do not exist for others: the same answer as a page they may not see.
    return perms.staff ? (
      <Result
        status="404"
        title={t('detail.notFound')}
        extra={<Link to="/evaluation">{t('detail.back')}</Link>}
      />
    ) : (
      <NoAccess signedIn={!!user} />
    );
  }
  return (
    <div className="ev-page">
      <QueryState isPending={run.isPending} error={run.error} onRetry={() => void run.refetch()}>
        {run.data && <RunDetail run={run.data} perms={perms} />}
      </QueryState>
    </div>
  );
}

function RunDetail({ run, perms }: { run: EvaluationRunDetail; perms: ReturnType<typeof permissions> }) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const publish = useRunAction('publish');
  const cancel = useRunAction('cancel');
  const { years, initial } = yearsOf(run);
  const [chosen, setYear] = useState<number | undefined>(undefined);
  const year = chosen !== undefined && years.includes(chosen) ? chosen : initial;
  const active = run.status === 'queued' || run.status === 'running';
  const s = run.settings;
  const u = s.uncertainty;
  const agg = Array.isArray(s.aggregate.method) ? s.aggregate.method : [s.aggregate.method];
  const actionError = publish.error ?? cancel.error;
  const indexName = run.results?.nodes.find((n) => n.kind === 'index');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div className="ev-row-between ev-head">
        <Space size={12} align="center" wrap>
          {perms.staff && (
            <Link to="/evaluation" aria-label={t('detail.back')}>
              <ArrowLeftOutlined />
            </Link>
          )}
          <Typography.Title level={3} style={{ margin: 0 }}>
            {run.name ?? t('list.unnamed', { id: run.id })}
          </Typography.Title>
          <StatusTag status={run.status} />
          {run.published ? (
            <Tag color="green" data-testid="published-tag">
              {t('status.published')}
            </Tag>
          ) : (
            <Tag>{t('status.unpublished')}</Tag>
          )}
          {!perms.staff && <Tag color="blue">{t('detail.readOnly')}</Tag>}
        </Space>
        <Space>
          {perms.cancel && active && (
            <Popconfirm title={t('detail.cancelConfirm')} onConfirm={() => cancel.mutate(run.id)}>
              <Button danger loading={cancel.isPending}>
                {t('detail.cancel')}
              </Button>
            </Popconfirm>
          )}
          {perms.publish && run.status === 'done' && !run.published && (
            <Popconfirm
              title={t('detail.publishConfirm')}
              description={<div style={{ maxWidth: 320 }}>{t('detail.publishHint')}</div>}
              okText={t('detail.publish')}
              onConfirm={() => publish.mutate(run.id)}
            >
              <Button type="primary" loading={publish.isPending}>
                {t('detail.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {actionError && <Alert type="error" showIcon closable message={errorText(actionError, t)} />}
      {active && (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('detail.running', { runs: u?.runs ?? 0 })}</Typography.Text>
            <Progress percent={Math.round(run.progress * 100)} status="active" data-testid="run-progress" />
          </Space>
        </Card>
      )}
      {run.status === 'failed' && run.error && (
        <Alert
          type="error"
          showIcon
          message={t('detail.failed')}
          description={t(`errors.${run.error.code}`, { defaultValue: run.error.code })}
        />
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} className="ev-desc">
          <Descriptions.Item label={t('form.framework')}>
            {indexName ? (en ? indexName.nameEn : indexName.nameZh) : run.framework.code} (v
            {run.framework.version})
          </Descriptions.Item>
          <Descriptions.Item label={t('form.years')}>{run.years.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('form.level')}>{t(`level.${run.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('form.dataStatus')}>
            {t(`dataStatus.${run.dataStatus}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.normalise')}>
            {t(`normalise.${s.normalise.method}`)}
            {run.years.length > 1 && ` · ${t(`panel.${s.panel}`)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.weights')}>
            {t(`weights.${s.weights.indicators}`)} / {t(`weights.${s.weights.dimensions}`)}
            {Object.keys(s.weights.overrides).length > 0 &&
              ` · ${t('detail.overrides', { count: Object.keys(s.weights.overrides).length })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.aggregation')}>
            {agg.map((a) => t(`aggregation.${a}`)).join(' → ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.mc')}>
            {u
              ? t('detail.mcSummary', { runs: u.runs, seed: u.seed, noise: u.weightNoise })
              : t('detail.noMc')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.createdBy')}>
            {run.createdBy} · {formatDateTime(run.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.publishedBy')}>
            {run.published ? `${run.publishedBy ?? ''} · ${formatDateTime(run.publishedAt)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.inputHash')}>
            <Typography.Text code copyable={{ text: run.inputHash }} title={run.inputHash}>
              {run.inputHash.slice(0, 12)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {run.results && run.results.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('detail.warnings')}
          description={
            <ul className="ev-list">
              {run.results.warnings.map((w) => (
                <li key={w}>{t(`warnings.${w}`, { defaultValue: w })}</li>
              ))}
            </ul>
          }
        />
      )}
      {run.results && year !== undefined && (
        <>
          <Card
            size="small"
            title={t('ranking.title', { year })}
            extra={
              years.length > 1 && (
                <Space>
                  <label htmlFor="ev-year">{t('ranking.year')}</label>
                  <Select
                    id="ev-year"
                    style={{ width: 100 }}
                    value={year}
                    options={years.map((y) => ({ value: y, label: String(y) }))}
                    onChange={(y: number) => setYear(y)}
                  />
                </Space>
              )
            }
          >
            <RankingTable run={run} year={year} />
          </Card>
          <Suspense fallback={<Skeleton active />}>
            <RunCharts run={run} year={year} />
          </Suspense>
          <RunTables run={run} />
        </>
      )}
    </Space>
  );
}
