// 政策目录: the document, then its six parts with all 17 articles; text and tasks expand.
import { useMemo } from 'react';
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadUnit } from '@scimon/contracts';
import { useArticles, useLeadUnits, usePolicyDocument, useTasks } from '../../api/catalogue.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { PolicyDocumentCard } from './PolicyDocumentCard.tsx';
import { ArticleHeader } from './ArticleHeader.tsx';
import { ArticleBody } from './ArticleBody.tsx';
import { groupByPart, tasksByArticle } from './policy-view.ts';
import './policy.css';

export default function PolicyPage() {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  const doc = usePolicyDocument();
  const articles = useArticles();
  const tasks = useTasks();
  const leadUnits = useLeadUnits();
  const names = useMemo(
    () => new Map<string, LeadUnit>((leadUnits.data ?? []).map((u) => [u.code, u])),
    [leadUnits.data],
  );
  const byArticle = useMemo(() => tasksByArticle(tasks.data ?? []), [tasks.data]);
  const parts = useMemo(() => groupByPart(articles.data ?? []), [articles.data]);

  return (
    <div className="policy-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      {doc.data && <PolicyDocumentCard doc={doc.data} />}
      <QueryState
        isPending={articles.isPending}
        error={articles.error ?? tasks.error}
        isEmpty={articles.data?.length === 0}
        onRetry={() => void Promise.all([articles.refetch(), tasks.refetch()])}
      >
        {parts.map((group) => (
          <section key={group.part.code} className="policy-part">
            <Typography.Title level={5} className="policy-part-title">
              {en
                ? `${t('part', { n: group.part.code.replace(/\D/g, '') })} · ${group.part.titleEn}`
                : `${group.part.numeralZh} ${group.part.titleZh}`}
            </Typography.Title>
            <Collapse
              className="policy-articles"
              items={group.articles.map((a) => ({
                key: a.code,
                label: (
                  <ArticleHeader article={a} taskCount={byArticle.get(a.code)?.length ?? 0} names={names} />
                ),
                children: <ArticleBody article={a} tasks={byArticle.get(a.code) ?? []} names={names} />,
              }))}
            />
          </section>
        ))}
      </QueryState>
    </div>
  );
}
