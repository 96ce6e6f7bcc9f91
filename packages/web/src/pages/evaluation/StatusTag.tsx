// A run's status as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunSummary } from '@scimon/contracts';

const COLOURS: Record<EvaluationRunSummary['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export function StatusTag({ status }: { status: EvaluationRunSummary['status'] }) {
  const { t } = useTranslation('evaluation');
  return (
    <Tag color={COLOURS[status]} data-testid="run-status">
      {t(`status.${status}`)}
    </Tag>
  );
}
