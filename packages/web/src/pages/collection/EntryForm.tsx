// The web entry form: the framework's raw indicators for one park and period, the previous period's
// value, a value typed as in a spreadsheet (checked inline as typed) and a comment; saving sends the
// changed rows to the batch API and maps its problems back onto the rows. Each stored value opens its
// history (历史).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Table, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, SubmissionDetail } from '@scimon/contracts';
import {
  saveBatch,
  useCollectionAction,
  usePublishedValues,
  type BatchItemInput,
  type RawIndicator,
} from '../../api/collection.ts';
import { errorText } from '../../components/QueryState.tsx';
import {
  checkTyped,
  formatNumber,
  pickBySource,
  previousPeriod,
  problemsByIndicator,
  stripLocation,
} from './collection-view.ts';
import { ProblemList } from './ProblemList.tsx';
import { HistoryButton } from './ValueHistory.tsx';

type StoredValue = SubmissionDetail['values'][number];

interface Props {
  orgUnit: string;
  period: string;
  indicators: RawIndicator[];
  stored: readonly StoredValue[];
  readOnly: boolean;
  onSaved?: () => void;
}

const shown = (v: StoredValue | undefined) =>
  v?.value === null || v?.value === undefined ? '' : String(v.value);

export function EntryForm({ orgUnit, period, indicators, stored, readOnly, onSaved }: Props) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const en = lang === 'en-US';
  const { message } = App.useApp();
  const byCode = useMemo(() => new Map(stored.map((v) => [v.indicator, v])), [stored]);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicators.map((i) => [i.code, shown(byCode.get(i.code))])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicators.map((i) => [i.code, byCode.get(i.code)?.comment ?? ''])),
  );
  const [serverProblems, setServerProblems] = useState<Map<string, ImportProblem[]>>(new Map());
  const [general, setGeneral] = useState<ImportProblem[]>([]);
  const prevPeriod = previousPeriod(period);
  const prev = usePublishedValues(orgUnit, prevPeriod ?? undefined);
  const save = useCollectionAction((items: BatchItemInput[]) => saveBatch(items));

  const prevOf = (code: string) =>
    pickBySource((prev.data ?? []).filter((v) => v.indicator === code && v.orgUnit === orgUnit))?.value ??
    null;

  const checks = useMemo(
    () => new Map(indicators.map((i) => [i.code, checkTyped(texts[i.code] ?? '', i.valueType)])),
    [indicators, texts],
  );
  const changed = indicators.filter(
    (i) =>
      (texts[i.code] ?? '').trim() !== shown(byCode.get(i.code)) ||
      (comments[i.code] ?? '').trim() !== (byCode.get(i.code)?.comment ?? ''),
  );
  const invalidCount = indicators.filter((i) => checks.get(i.code)?.kind === 'invalid').length;

  const clientError = (i: RawIndicator): string | null => {
    const c = checks.get(i.code);
    if (c?.kind !== 'invalid') return null;
    const value = texts[i.code] ?? '';
    if (c.reason === 'percent_sign') return t('entry.percentSign', { value });
    if (c.reason === 'not_integer') return t('entry.notInteger', { value });
    return t('entry.notANumber', { value });
  };

  const onSave = async () => {
    if (invalidCount > 0) {
      void message.error(t('entry.fixFirst', { count: invalidCount }));
      return;
    }
    if (changed.length === 0) {
      void message.info(t('entry.nothingChanged'));
      return;
    }
    const items: BatchItemInput[] = changed.map((i) => {
      const c = checks.get(i.code);
      const comment = (comments[i.code] ?? '').trim();
      const storedValue = byCode.get(i.code);
      return {
        indicator: i.code,
        orgUnit,
        period,
        value: c?.kind === 'number' ? c.value : null,
        comment: comment === '' ? null : comment,
        ...(storedValue ? { version: storedValue.version } : {}),
      };
    });
    try {
      const r = await save.mutateAsync(items);
      const mapped = problemsByIndicator(r.problems, items);
      setServerProblems(mapped.byIndicator);
      setGeneral(mapped.general);
      if (r.ok) {
        void message.success(t('entry.saved', { created: r.summary.created, updated: r.summary.updated }));
        onSaved?.();
      } else {
        void message.error(t('entry.refused', { count: r.problems.length }));
      }
    } catch (e) {
      void message.error(errorText(e, (k) => t(k)));
    }
  };

  const columns = [
    {
      title: t('entry.indicator'),
      key: 'name',
      render: (_: unknown, i: RawIndicator) => (
        <div>
          <div>{en ? i.nameEn : i.nameZh}</div>
          <Typography.Text type="secondary" className="code">
            {i.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('entry.unit'),
      key: 'unit',
      width: 110,
      render: (_: unknown, i: RawIndicator) => (en ? i.unitEn : i.unitZh),
    },
    {
      title: prevPeriod ? t('entry.previousOf', { period: prevPeriod }) : t('entry.previous'),
      key: 'previous',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, i: RawIndicator) => formatNumber(prevOf(i.code), lang),
    },
    {
      title: t('entry.valueOf', { period }),
      key: 'value',
      width: 210,
      render: (_: unknown, i: RawIndicator) => {
        const local = clientError(i);
        const remote = (serverProblems.get(i.code) ?? []).filter(
          (p) => p.code !== 'E_IMPORT_COMMENT_REQUIRED',
        );
        const err =
          local ?? (remote.length ? remote.map((p) => stripLocation(p.message[lang])).join('; ') : null);
        return (
          <div className="cell-field">
            <Input
              value={texts[i.code] ?? ''}
              disabled={readOnly}
              status={err ? 'error' : undefined}
              aria-label={t('entry.valueFor', { name: en ? i.nameEn : i.nameZh })}
              aria-invalid={!!err}
              data-indicator={i.code}
              inputMode="decimal"
              onChange={(e) => {
                const v = e.target.value;
                setTexts((s) => ({ ...s, [i.code]: v }));
                setServerProblems((m) => {
                  if (!m.has(i.code)) return m;
                  const n = new Map(m);
                  n.delete(i.code);
                  return n;
                });
              }}
            />
            {err && (
              <div className="field-error" role="alert" data-testid="value-error">
                {err}
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: t('entry.comment'),
      key: 'comment',
      width: 260,
      render: (_: unknown, i: RawIndicator) => {
        const warn = (serverProblems.get(i.code) ?? []).find((p) => p.code === 'E_IMPORT_COMMENT_REQUIRED');
        return (
          <div className="cell-field">
            <Input
              value={comments[i.code] ?? ''}
              disabled={readOnly}
              maxLength={2000}
              status={warn ? 'warning' : undefined}
              aria-label={t('entry.commentFor', { name: en ? i.nameEn : i.nameZh })}
              onChange={(e) => {
                const v = e.target.value;
                setComments((s) => ({ ...s, [i.code]: v }));
              }}
            />
            {warn && (
              <div className="field-warning" data-testid="comment-required">
                {stripLocation(warn.message[lang])}
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: t('history.column'),
      key: 'history',
      width: 88,
      render: (_: unknown, i: RawIndicator) => (
        <HistoryButton
          target={
            byCode.has(i.code)
              ? {
                  indicator: i.code,
                  orgUnit,
                  period,
                  source: 'report',
                  name: en ? i.nameEn : i.nameZh,
                  unit: en ? i.unitEn : i.unitZh,
                }
              : null
          }
        />
      ),
    },
  ];

  return (
    <div className="entry-form">
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('entry.generalProblems')}
          description={<ProblemList problems={general} compact />}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('entry.hint')}</Typography.Text>
        {!readOnly && (
          <Button
            type="primary"
            ghost
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => void onSave()}
            data-testid="save-draft"
          >
            {t('entry.save')}
            {changed.length > 0 ? ` (${changed.length})` : ''}
          </Button>
        )}
      </Flex>
      <Table<RawIndicator>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={indicators}
        pagination={false}
        scroll={{ x: 990 }}
      />
    </div>
  );
}
