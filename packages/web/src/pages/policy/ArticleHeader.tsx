// One article's always-visible line: code as printed, title, lead units, task count.
import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadUnit, PolicyArticle } from '@scimon/contracts';
import { LeadUnitTags } from './LeadUnitTags.tsx';

interface Props {
  article: PolicyArticle;
  taskCount: number;
  names: ReadonlyMap<string, LeadUnit>;
}

export function ArticleHeader({ article, taskCount, names }: Props) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  return (
    <div className="article-header" data-testid="article" data-code={article.code}>
      <span className="article-code">{article.code}</span>
      <span className="article-title">
        <Typography.Text strong>{en ? article.titleEn : article.titleZh}</Typography.Text>
        {en && (
          <Typography.Text type="secondary"> · {t('article.number', { n: article.seq })}</Typography.Text>
        )}
      </span>
      <span className="article-units">
        {article.leadUnits.length > 0 ? (
          <>
            <Typography.Text type="secondary" className="article-units-label">
              {t('article.leadUnits')}
            </Typography.Text>
            <LeadUnitTags units={article.leadUnits} names={names} />
          </>
        ) : null}
      </span>
      <span className="article-tasks">
        {taskCount > 0 && <Badge color="#1d5fa8" count={t('article.taskCount', { count: taskCount })} />}
      </span>
    </div>
  );
}
