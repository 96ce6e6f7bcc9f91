// The expanded article: its text (Chinese original) and its tasks.
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadUnit, PolicyArticle, PolicyTask } from '@scimon/contracts';
import { TaskTable } from './TaskTable.tsx';

interface Props {
  article: PolicyArticle;
  tasks: PolicyTask[];
  names: ReadonlyMap<string, LeadUnit>;
}

export function ArticleBody({ article, tasks, names }: Props) {
  const { t, i18n } = useTranslation('policy');
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('article.text')}
        {i18n.language === 'en-US' && (
          <Typography.Text type="secondary"> ({t('article.chineseOriginal')})</Typography.Text>
        )}
      </Typography.Title>
      <Typography.Paragraph lang="zh-CN" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxWidth: 1100 }}>
        {article.textZh}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('article.tasks', { count: tasks.length })}</Typography.Title>
      {tasks.length > 0 ? (
        <TaskTable tasks={tasks} names={names} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('article.noTasks')} />
      )}
    </div>
  );
}
