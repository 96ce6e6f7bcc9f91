// The 示例数据 / Sample data tag: always visible (no hover needed), with the explanation as a tooltip too.
import { Tag } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DeferredTooltip } from './DeferredTooltip.tsx';

export function SampleTag({ size = 'default' }: { size?: 'default' | 'large' }) {
  const { t } = useTranslation();
  return (
    <DeferredTooltip title={t('chart.sampleHint')}>
      <Tag
        color="orange"
        icon={<ExperimentOutlined />}
        data-testid="sample-tag"
        style={size === 'large' ? { fontSize: 14, padding: '2px 10px' } : undefined}
      >
        {t('chart.sample')}
      </Tag>
    </DeferredTooltip>
  );
}
