// One headline target of (二): value, target and comparator, base, progress beside elapsed time, band,
// sparkline, completeness, source, data as-of and updated-at; withheld partial values said plainly.
import { lazy, Suspense } from 'react';
import { Card, Progress, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorStatusItem, TargetCard } from '@scimon/contracts';
import { formatNumber } from '../../charts/common-option.ts';
import { formatDateTime } from '../../components/format.ts';
import { SampleTag } from '../../components/SampleTag.tsx';
import { DeferredTooltip } from '../../components/DeferredTooltip.tsx';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { Sparkline } from './Sparkline.tsx';
import {
  BAND_COLOURS,
  COMPARATOR_TEXT,
  OPEN_SDG_COLOURS,
  headlineValue,
  isWithheldPartial,
  percent,
} from './overview-view.ts';

// The editor (a form in a modal) is its own chunk, loaded only for those who may change targets.
const TargetEditor = lazy(() => import('./TargetEditor.tsx').then((m) => ({ default: m.TargetEditor })));
const EDITOR_ROLES = ['admin', 'coordinator'];

function EditTarget({ card, frameworkCode }: { card: TargetCard; frameworkCode: string }) {
  const { user } = useSession();
  if (!hasAnyRole(user, EDITOR_ROLES)) return null;
  return (
    <Suspense fallback={null}>
      <TargetEditor card={card} frameworkCode={frameworkCode} />
    </Suspense>
  );
}

export function TargetCardView({ card, frameworkCode }: { card: TargetCard; frameworkCode?: string }) {
  const { t, i18n } = useTranslation('overview');
  const en = i18n.language === 'en-US';
  const unit = en ? card.unit.en : card.unit.zh;
  const { value, isGrowth } = headlineValue(card);
  const withheld = isWithheldPartial(card);
  const colour = BAND_COLOURS[card.status.colour] ?? '#8c8c8c';
  const progress = percent(card.progressShare);
  const time = percent(card.timeShare);
  const title = t(`targets.${card.indicator}`, { defaultValue: en ? card.nameEn : card.nameZh });
  const targetText = isGrowth
    ? t('card.targetGrowth', {
        cmp: COMPARATOR_TEXT[card.comparator] ?? card.comparator,
        value: card.target,
        year: card.targetYear,
      })
    : t('card.targetLevel', {
        cmp: COMPARATOR_TEXT[card.comparator] ?? card.comparator,
        value: formatNumber(card.target),
        unit,
        year: card.targetYear,
      });
  const sdg = t(`openSdg.${card.status.openSdg}`);
  const sources = card.sources.map((s) => t(`source.${s}`, { defaultValue: s })).join('、') || '—';
  return (
    <Card
      size="small"
      className="target-card"
      data-testid="target-card"
      data-indicator={card.indicator}
      style={{ borderTop: `4px solid ${colour}` }}
      title={
        <Typography.Text strong className="target-title" title={title}>
          {title}
        </Typography.Text>
      }
    >
      <div className="target-head">
        <DeferredTooltip
          title={
            <div>
              <div>{t('card.openSdg', { status: sdg })}</div>
              <div>{t('card.score', { score: card.status.score ?? '—' })}</div>
              {withheld && <div>{t('card.withheldHint')}</div>}
            </div>
          }
        >
          <Tag color={colour} tabIndex={0} data-testid="band" style={{ cursor: 'help' }}>
            {withheld ? t('card.notJudged') : en ? card.status.bandEn : card.status.bandZh}
          </Tag>
        </DeferredTooltip>
        {withheld && (
          <Tag icon={<WarningOutlined />} color="warning" data-testid="incomplete">
            {t('card.incomplete')}
          </Tag>
        )}
        {card.sample && <SampleTag />}
      </div>
      <div className="target-value">
        <span className="target-number" style={{ color: withheld ? '#8c8c8c' : undefined }}>
          {formatNumber(value)}
        </span>
        <span className="target-unit">{isGrowth ? t('card.perYear') : unit}</span>
      </div>
      {isGrowth && (
        <Typography.Text type="secondary" className="target-sub">
          {t('card.level', { year: card.currentYear, value: formatNumber(card.value), unit })}
        </Typography.Text>
      )}
      <div className="target-line">{targetText}</div>
      <div className="target-line">
        {t('card.base', { year: card.base.year, value: formatNumber(card.base.value), unit })}
        {card.base.year !== card.base.stated && (
          <DeferredTooltip title={t('card.baseMoved', { stated: card.base.stated })}>
            <Tag bordered={false} style={{ marginLeft: 4 }}>
              {t('card.baseMovedShort')}
            </Tag>
          </DeferredTooltip>
        )}
        {frameworkCode && <EditTarget card={card} frameworkCode={frameworkCode} />}
      </div>
      <div className="target-progress">
        <span>{t('card.progress')}</span>
        <Progress
          percent={progress ?? 0}
          size="small"
          strokeColor={colour}
          format={() => (progress === null ? '—' : `${progress}%`)}
        />
        <span>{t('card.time')}</span>
        <Progress
          percent={time ?? 0}
          size="small"
          strokeColor="#bfbfbf"
          format={() => (time === null ? '—' : `${time}%`)}
        />
      </div>
      <Sparkline
        values={card.trend.map((p) => p.value)}
        colour={colour}
        label={t('card.trend', {
          from: card.trend[0]?.period ?? '',
          to: card.trend[card.trend.length - 1]?.period ?? '',
        })}
      />
      <div className="target-meta">
        <div>
          {t('card.completeness')}: {percent(card.completeness) ?? '—'}%
        </div>
        <div>
          {t('card.source')}: {sources}
        </div>
        <div>{t('card.dataAsOf', { year: card.currentYear })}</div>
        <div>{t('card.updatedAt', { at: formatDateTime(card.dataAsOf) })}</div>
      </div>
    </Card>
  );
}

/** A headline indicator at a unit without its own target (zones, parks): value, status, completeness. */
export function HeadlineIndicatorCard({
  item,
  sample,
  year,
}: {
  item: IndicatorStatusItem;
  sample: boolean;
  year: number;
}) {
  const { t, i18n } = useTranslation('overview');
  const en = i18n.language === 'en-US';
  const unit = en ? item.unit.en : item.unit.zh;
  const title = t(`indicators.${item.indicator}`, { defaultValue: en ? item.nameEn : item.nameZh });
  const partial = item.value !== null && item.completeness !== null && item.completeness < 1;
  return (
    <Card
      size="small"
      className="target-card"
      data-testid="target-card"
      data-indicator={item.indicator}
      style={{ borderTop: '4px solid #d9d9d9' }}
      title={
        <Typography.Text strong className="target-title" title={title}>
          {title}
        </Typography.Text>
      }
    >
      <div className="target-head">
        <DeferredTooltip title={t('card.score', { score: item.score ?? '—' })}>
          <Tag color={OPEN_SDG_COLOURS[item.openSdg] ?? 'default'} tabIndex={0} data-testid="band">
            {t(`openSdg.${item.openSdg}`)}
          </Tag>
        </DeferredTooltip>
        {partial && (
          <Tag icon={<WarningOutlined />} color="warning" data-testid="incomplete">
            {t('card.incomplete')}
          </Tag>
        )}
        {sample && <SampleTag />}
      </div>
      <div className="target-value">
        <span className="target-number">{formatNumber(item.value)}</span>
        <span className="target-unit">{unit}</span>
      </div>
      <div className="target-line">{t('card.noTarget')}</div>
      <div className="target-meta">
        <div>
          {t('card.completeness')}: {percent(item.completeness) ?? '—'}%
        </div>
        <div>{t('card.dataAsOf', { year })}</div>
      </div>
    </Card>
  );
}
