// 一城多园: the tree, the schematic map of the park points, and the reference regions apart.
import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnitTree, useReferenceRegions } from '../../api/catalogue.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { OrgUnitTree } from './OrgUnitTree.tsx';
import { ReferenceRegions } from './ReferenceRegions.tsx';
import { collectPoints } from './org-unit-points.ts';
import './org-units.css';

const ParkMap = lazy(() => import('./ParkMap.tsx'));

export default function OrgUnitsPage() {
  const { t } = useTranslation('orgUnits');
  const tree = useOrgUnitTree();
  const regions = useReferenceRegions();
  const points = useMemo(() => collectPoints(tree.data ?? []), [tree.data]);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title={t('tree.title')} size="small">
            <QueryState
              isPending={tree.isPending}
              error={tree.error}
              isEmpty={tree.data?.length === 0}
              onRetry={() => void tree.refetch()}
            >
              <OrgUnitTree roots={tree.data ?? []} />
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card
            title={t('map.title')}
            size="small"
            extra={<Typography.Text type="secondary">{t('map.caption')}</Typography.Text>}
          >
            <QueryState
              isPending={tree.isPending}
              error={tree.error}
              isEmpty={!tree.isPending && points.length === 0}
            >
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 460 }} />}>
                <ParkMap points={points} />
              </Suspense>
            </QueryState>
            <Alert type="info" showIcon banner message={t('map.note')} style={{ marginTop: 8 }} />
          </Card>
          <Card title={t('ref.title')} size="small" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('ref.hint')}
            </Typography.Paragraph>
            <QueryState
              isPending={regions.isPending}
              error={regions.error}
              isEmpty={regions.data?.length === 0}
              onRetry={() => void regions.refetch()}
            >
              <ReferenceRegions regions={regions.data ?? []} />
            </QueryState>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
