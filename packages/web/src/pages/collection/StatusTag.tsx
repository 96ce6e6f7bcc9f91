// The workflow status as a coloured tag (draft, submitted, returned, approved, published, not started).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  draft: 'default',
  not_started: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  published: 'purple',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('collection');
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status} className="status-tag">
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function OnTimeTag({ onTime }: { onTime: boolean | null }) {
  const { t } = useTranslation('collection');
  if (onTime === null) return <span className="muted">—</span>;
  return <Tag color={onTime ? 'green' : 'orange'}>{onTime ? t('onTime.yes') : t('onTime.no')}</Tag>;
}
