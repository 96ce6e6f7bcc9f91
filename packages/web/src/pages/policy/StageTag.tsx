// A task's stage (探索预研 … 建成运行) as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  explore: 'purple',
  prepare: 'geekblue',
  reserve: 'cyan',
  preconditions: 'gold',
  started: 'orange',
  building: 'blue',
  operating: 'green',
};

export function StageTag({ stage }: { stage: string | null }) {
  const { t } = useTranslation('policy');
  if (!stage) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return <Tag color={COLOURS[stage] ?? 'default'}>{t(`stage.${stage}`, { defaultValue: stage })}</Tag>;
}
