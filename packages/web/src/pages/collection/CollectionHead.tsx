// The head of the workbench and review pages: the title, and on the right the active framework and controls.
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '../../api/collection.ts';

export function CollectionHead({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} className="collection-head">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Flex>
  );
}

/** The name of the framework values are collected for (nothing until it has loaded). */
export function FrameworkName({ framework }: { framework: FrameworkSummary | null | undefined }) {
  const { t, i18n } = useTranslation('collection');
  if (!framework) return null;
  const en = i18n.language === 'en-US';
  return (
    <Typography.Text type="secondary">
      {t('workbench.framework', { name: en ? framework.nameEn : framework.nameZh })}
    </Typography.Text>
  );
}
