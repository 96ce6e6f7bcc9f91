// 审核 (Review): the approval queue, reporting rates, the statistics coordination queue, and for the
// coordination office the deadlines and the publishing of releases. Each tab is its own chunk.
import { lazy, Suspense, useMemo } from 'react';
import { Flex, Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useActiveFramework } from '../../api/collection.ts';
import { useSession } from '../../auth/session.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { CollectionHead, FrameworkName } from './CollectionHead.tsx';
import { COORDINATOR_ROLES, defaultPeriod, hasRole, recentYears } from './collection-view.ts';
import './collection.css';

const ApprovalQueue = lazy(() => import('./ApprovalQueue.tsx'));
const ReportingRatesView = lazy(() => import('./ReportingRatesView.tsx'));
const CoordinationQueue = lazy(() => import('./CoordinationQueue.tsx'));
const PublishingView = lazy(() => import('./PublishingView.tsx'));

const TABS = ['queue', 'rates', 'coordination', 'publishing'] as const;
type TabKey = (typeof TABS)[number];

export default function ReviewPage() {
  const { t } = useTranslation('collection');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const framework = useActiveFramework();
  const fw = framework.data?.code;
  const coordinator = hasRole(user, COORDINATOR_ROLES);
  const periods = useMemo(() => recentYears(new Date()), []);
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey =
    requested && TABS.includes(requested) && (requested !== 'publishing' || coordinator)
      ? requested
      : 'queue';
  const period = params.get('period') ?? defaultPeriod(new Date());

  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    p.set(k, v);
    setParams(p, { replace: true });
  };

  const body = (key: TabKey) => (
    <Suspense fallback={<PageLoading />}>
      {fw &&
        (key === 'queue' ? (
          <ApprovalQueue framework={fw} period={period} />
        ) : key === 'rates' ? (
          <ReportingRatesView framework={fw} period={period} />
        ) : key === 'coordination' ? (
          <CoordinationQueue period={period} />
        ) : (
          <PublishingView framework={fw} period={period} />
        ))}
    </Suspense>
  );

  return (
    <div className="collection-page">
      <CollectionHead title={t('review.title')}>
        <Flex align="center" gap={8} wrap>
          <FrameworkName framework={framework.data} />
          <label htmlFor="review-period" className="toolbar-label">
            {t('workbench.period')}
          </label>
          <Select
            id="review-period"
            style={{ width: 110 }}
            value={period}
            onChange={(v: string) => set('period', v)}
            options={periods.map((p) => ({ value: p, label: p }))}
            data-testid="review-period"
          />
        </Flex>
      </CollectionHead>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        destroyOnHidden
        items={[
          { key: 'queue', label: t('review.tabQueue'), children: body('queue') },
          { key: 'rates', label: t('review.tabRates'), children: body('rates') },
          { key: 'coordination', label: t('review.tabCoordination'), children: body('coordination') },
          ...(coordinator
            ? [{ key: 'publishing', label: t('review.tabPublishing'), children: body('publishing') }]
            : []),
        ]}
      />
    </div>
  );
}
