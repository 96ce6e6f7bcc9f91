// Loading, error and empty states of a query, in one place; renders children once data is there.
import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';

interface Props {
  isPending: boolean;
  error: unknown;
  isEmpty?: boolean;
  onRetry?: () => void;
  children: ReactNode;
}

export function errorText(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof ApiError && error.code === 'E_NETWORK') return t('common:state.networkError');
  return t('common:state.loadError');
}

export function QueryState({ isPending, error, isEmpty, onRetry, children }: Props) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('state.loadError')}
        description={errorText(error, t)}
        action={onRetry && <Button onClick={onRetry}>{t('state.retry')}</Button>}
      />
    );
  }
  if (isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (isEmpty) return <Empty description={t('state.empty')} />;
  return <>{children}</>;
}
