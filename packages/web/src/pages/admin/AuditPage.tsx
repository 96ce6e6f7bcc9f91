// 审计日志 (admin, coordinator): filters and the paginated events.
import { useState } from 'react';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditEvents } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/QueryState.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

export default function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const events = useAuditEvents({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });

  if (events.error instanceof ApiError && events.error.status === 403) return <NoAccess signedIn />;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <AuditFilters
          onApply={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
      </Card>
      {events.error && (
        <Alert type="error" showIcon message={errorText(events.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Card size="small">
        <AuditTable
          items={events.data?.items ?? []}
          total={events.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={events.isFetching}
          onPage={(p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          }}
        />
      </Card>
    </div>
  );
}
