// 工作台 (Workbench): a reporter's submissions with their status, deadline and any returned reason; then
// for one park and period the entry form or the upload of a filled template, and the Submit button.
import { useMemo } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Table, Tabs, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SubmissionSummary } from '@scimon/contracts';
import {
  submissionAction,
  useActiveFramework,
  useCollectionAction,
  useRawIndicators,
  useSubmission,
  useSubmissions,
} from '../../api/collection.ts';
import { useOrgUnitTree } from '../../api/catalogue.ts';
import { useSession } from '../../auth/session.ts';
import { QueryState, errorText } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { unitName } from '../../components/OrgUnitPicker.tsx';
import { defaultPeriod, recentYears, reportingParks } from './collection-view.ts';
import { CollectionHead, FrameworkName } from './CollectionHead.tsx';
import { EntryForm } from './EntryForm.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import { OnTimeTag, StatusTag } from './StatusTag.tsx';
import { onTimeColumn, statusColumn, valuesColumn } from './submission-columns.tsx';
import './collection.css';

const EDITABLE = new Set(['draft', 'returned']);

export default function WorkbenchPage() {
  const { t, i18n } = useTranslation('collection');
  const en = i18n.language === 'en-US';
  const { message } = App.useApp();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const framework = useActiveFramework();
  const fw = framework.data?.code;
  const tree = useOrgUnitTree();
  const parks = useMemo(() => reportingParks(tree.data ?? [], user), [tree.data, user]);
  const periods = useMemo(() => recentYears(new Date()), []);
  const orgUnit = params.get('orgUnit') ?? parks[0]?.code;
  const period = params.get('period') ?? defaultPeriod(new Date());
  const tab = params.get('tab') === 'upload' ? 'upload' : 'form';

  const mine = useSubmissions({ framework: fw }, !!fw);
  const current = useSubmissions({ framework: fw, orgUnit, period }, !!fw && !!orgUnit);
  const summary: SubmissionSummary | undefined = current.data?.find(
    (s) => s.orgUnit.code === orgUnit && s.period === period,
  );
  const detail = useSubmission(summary?.id);
  const indicators = useRawIndicators(fw);
  const submit = useCollectionAction((s: SubmissionSummary) =>
    submissionAction(s.id, 'submit', { version: s.version }),
  );

  const select = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) p.set(k, v);
    setParams(p, { replace: true });
  };

  const returned = (mine.data ?? []).filter((s) => s.status === 'returned');
  const status = summary?.status ?? null;
  const readOnly = status !== null && !EDITABLE.has(status);
  const canSubmit = !!summary && summary.allowedActions.includes('submit');

  const onSubmit = async () => {
    if (!summary) return;
    try {
      await submit.mutateAsync(summary);
      void message.success(t('workbench.submitted'));
    } catch (e) {
      void message.error(errorText(e, (k) => t(k)));
    }
  };

  const refresh = () => {
    void current.refetch();
    void detail.refetch();
  };

  const valuesSignature = (detail.data?.values ?? []).map((v) => `${v.indicator}:${v.version}`).join(',');

  const columns = [
    {
      title: t('col.orgUnit'),
      key: 'orgUnit',
      render: (_: unknown, s: SubmissionSummary) => (en ? s.orgUnit.nameEn : s.orgUnit.nameZh),
    },
    { title: t('col.period'), dataIndex: 'period', width: 80 },
    statusColumn(t, 110),
    { title: t('col.deadline'), dataIndex: 'deadline', width: 110 },
    onTimeColumn(t, 90),
    valuesColumn(t),
    {
      title: t('col.reason'),
      key: 'reason',
      render: (_: unknown, s: SubmissionSummary) =>
        s.reason ? (
          <Typography.Text type={s.status === 'returned' ? 'danger' : undefined} data-testid="row-reason">
            {s.reason}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('col.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, s: SubmissionSummary) => (
        <Button size="small" onClick={() => select({ orgUnit: s.orgUnit.code, period: s.period })}>
          {t('action.open')}
        </Button>
      ),
    },
  ];

  return (
    <div className="collection-page">
      <CollectionHead title={t('workbench.title')}>
        <FrameworkName framework={framework.data} />
      </CollectionHead>

      {returned.map((s) => (
        <Alert
          key={s.id}
          type="error"
          showIcon
          className="returned-alert"
          data-testid="returned-alert"
          message={t('workbench.returnedTitle', {
            unit: en ? s.orgUnit.nameEn : s.orgUnit.nameZh,
            period: s.period,
          })}
          description={
            <span>
              {t('workbench.returnedReason')}
              <strong data-testid="returned-reason">{s.reason ?? '—'}</strong>
              {s.reviewedBy ? ` — ${s.reviewedBy}, ${formatDateTime(s.reviewedAt)}` : ''}
            </span>
          }
          action={
            <Button size="small" onClick={() => select({ orgUnit: s.orgUnit.code, period: s.period })}>
              {t('action.fix')}
            </Button>
          }
        />
      ))}

      <Card size="small" title={t('workbench.mine')} className="collection-card">
        <QueryState
          isPending={mine.isPending && !!fw}
          error={mine.error ?? framework.error}
          onRetry={() => void mine.refetch()}
        >
          <Table<SubmissionSummary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={mine.data ?? []}
            pagination={(mine.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: <Empty description={t('workbench.noSubmissions')} /> }}
            rowClassName={(s) => (s.orgUnit.code === orgUnit && s.period === period ? 'row-current' : '')}
            data-testid="my-submissions"
            scroll={{ x: 900 }}
          />
        </QueryState>
      </Card>

      <Card
        size="small"
        className="collection-card"
        title={
          <Space wrap size={[12, 6]}>
            <span>{t('workbench.fill')}</span>
            <Select
              aria-label={t('workbench.orgUnit')}
              style={{ minWidth: 240 }}
              value={orgUnit}
              loading={tree.isPending}
              onChange={(v: string) => select({ orgUnit: v })}
              options={parks.map((p) => ({ value: p.code, label: `${unitName(p, en, true)} (${p.code})` }))}
              showSearch
              optionFilterProp="label"
              data-testid="unit-select"
            />
            <Select
              aria-label={t('workbench.period')}
              style={{ width: 110 }}
              value={period}
              onChange={(v: string) => select({ period: v })}
              options={periods.map((p) => ({ value: p, label: p }))}
              data-testid="period-select"
            />
          </Space>
        }
      >
        {!orgUnit ? (
          <Empty description={t('workbench.noUnits')} />
        ) : (
          <>
            <div className="submission-bar" data-testid="submission-bar" data-status={status ?? 'none'}>
              <Descriptions size="small" column={{ xs: 1, md: 3, xl: 5 }}>
                <Descriptions.Item label={t('col.status')}>
                  {summary ? <StatusTag status={summary.status} /> : <StatusTag status="not_started" />}
                </Descriptions.Item>
                <Descriptions.Item label={t('col.deadline')}>{summary?.deadline ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('col.onTime')}>
                  <OnTimeTag onTime={summary?.onTime ?? null} />
                </Descriptions.Item>
                <Descriptions.Item label={t('col.values')}>
                  {summary
                    ? t('col.valuesText', { count: summary.valueCount, missing: summary.missingCount })
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('col.submittedAt')}>
                  {formatDateTime(summary?.submittedAt)}
                </Descriptions.Item>
              </Descriptions>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!canSubmit}
                loading={submit.isPending}
                onClick={() => void onSubmit()}
                data-testid="submit-button"
              >
                {t('action.submit')}
              </Button>
            </div>
            {summary?.status === 'returned' && summary.reason && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('workbench.returnedHere')}
                description={summary.reason}
              />
            )}
            {!summary && !current.isPending && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('workbench.notStarted')} />
            )}
            {readOnly && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message={t(`workbench.locked.${status}`)}
              />
            )}
            <Tabs
              activeKey={tab}
              onChange={(k) => select({ tab: k })}
              items={[
                {
                  key: 'form',
                  label: t('workbench.tabForm'),
                  children: (
                    <QueryState
                      isPending={indicators.isPending || (!!summary && detail.isPending)}
                      error={indicators.error ?? detail.error}
                      isEmpty={indicators.data?.length === 0}
                      onRetry={refresh}
                    >
                      <EntryForm
                        key={`${orgUnit}|${period}|${valuesSignature}`}
                        orgUnit={orgUnit}
                        period={period}
                        indicators={indicators.data ?? []}
                        stored={detail.data?.values ?? []}
                        readOnly={readOnly}
                        onSaved={refresh}
                      />
                    </QueryState>
                  ),
                },
                {
                  key: 'upload',
                  label: t('workbench.tabUpload'),
                  children: fw ? (
                    <UploadPanel
                      key={`${orgUnit}|${period}`}
                      orgUnit={orgUnit}
                      period={period}
                      framework={fw}
                      readOnly={readOnly}
                      onImported={refresh}
                    />
                  ) : null,
                },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
