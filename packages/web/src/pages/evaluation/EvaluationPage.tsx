// 综合评价 (analysts, coordinators, admin): the evaluation runs with status and progress (polled while a
// run is queued or running), and the new-run form (?new=1).
import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EvaluationRunSummary } from '@scimon/contracts';
import { useRuns } from '../../features/evaluation/evaluation-api.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { RunForm } from './RunForm.tsx';
import { StatusTag } from './StatusTag.tsx';
import './evaluation.css';

export default function EvaluationPage() {
  const { t } = useTranslation('evaluation');
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  return (
    <div className="ev-page">
      <div className="ev-row-between ev-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {creating ? t('form.title') : t('title')}
        </Typography.Title>
        {!creating && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: '1' })}>
            {t('list.new')}
          </Button>
        )}
      </div>
      {creating ? (
        <>
          <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
          <RunForm onCancel={() => setParams({})} />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
          <RunList />
        </>
      )}
    </div>
  );
}

function RunList() {
  const { t } = useTranslation('evaluation');
  const runs = useRuns();
  return (
    <Card size="small">
      <QueryState isPending={runs.isPending} error={runs.error} onRetry={() => void runs.refetch()}>
        <Table<EvaluationRunSummary>
          size="small"
          rowKey="id"
          data-testid="run-list"
          dataSource={runs.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('list.empty') }}
          columns={[
            { title: '#', dataIndex: 'id', width: 60 },
            {
              title: t('list.name'),
              render: (_: unknown, r) => (
                <Link to={`/evaluation/${r.id}`}>{r.name ?? t('list.unnamed', { id: r.id })}</Link>
              ),
            },
            {
              title: t('list.scope'),
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag>{t(`level.${r.level}`)}</Tag>
                  <span>{r.years.join('、')}</span>
                </Space>
              ),
            },
            {
              title: t('list.framework'),
              render: (_: unknown, r) => `${r.framework.code} v${r.framework.version}`,
            },
            {
              title: t('list.status'),
              width: 220,
              render: (_: unknown, r) => (
                <Space size={8}>
                  <StatusTag status={r.status} />
                  {(r.status === 'running' || r.status === 'queued') && (
                    <Progress
                      percent={Math.round(r.progress * 100)}
                      size="small"
                      style={{ width: 100, margin: 0 }}
                    />
                  )}
                </Space>
              ),
            },
            {
              title: t('list.published'),
              width: 110,
              render: (_: unknown, r) =>
                r.published ? (
                  <Tag color="green">{t('status.published')}</Tag>
                ) : (
                  <Tag>{t('status.unpublished')}</Tag>
                ),
            },
            { title: t('list.createdBy'), dataIndex: 'createdBy', width: 120 },
            {
              title: t('list.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
