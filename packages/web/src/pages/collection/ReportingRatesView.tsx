// Reporting rates of a period: completeness (submitted / expected) and timeliness (on time / expected),
// with each unit's status.
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportingRates } from '@scimon/contracts';
import { useReportingRates } from '../../api/collection.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatShare } from './collection-view.ts';
import { OnTimeTag, StatusTag } from './StatusTag.tsx';

type UnitRow = ReportingRates['units'][number];

export default function ReportingRatesView({ framework, period }: { framework: string; period: string }) {
  const { t, i18n } = useTranslation('collection');
  const en = i18n.language === 'en-US';
  const q = useReportingRates(framework, period);
  const r = q.data;
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {r && (
        <div data-testid="reporting-rates">
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('rates.expected')} value={r.expected} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('rates.submitted')} value={r.submitted} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('rates.onTime')} value={r.onTime} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('rates.completeness')} value={formatShare(r.completeness)} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('rates.timeliness')} value={formatShare(r.timeliness)} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('col.deadline')} value={r.deadline} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary">{t('rates.hint')}</Typography.Paragraph>
          <Table<UnitRow>
            rowKey="orgUnit"
            size="small"
            dataSource={r.units}
            pagination={r.units.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
            columns={[
              {
                title: t('col.orgUnit'),
                key: 'unit',
                render: (_: unknown, u: UnitRow) => `${en ? u.nameEn : u.nameZh} (${u.orgUnit})`,
              },
              {
                title: t('col.status'),
                key: 'status',
                width: 120,
                render: (_: unknown, u: UnitRow) => <StatusTag status={u.status} />,
              },
              {
                title: t('col.submittedAt'),
                key: 'at',
                width: 170,
                render: (_: unknown, u: UnitRow) => formatDateTime(u.submittedAt),
              },
              {
                title: t('col.onTime'),
                key: 'onTime',
                width: 100,
                render: (_: unknown, u: UnitRow) => <OnTimeTag onTime={u.onTime} />,
              },
            ]}
          />
        </div>
      )}
    </QueryState>
  );
}
