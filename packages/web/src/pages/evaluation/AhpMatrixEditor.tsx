// One AHP pairwise matrix: the upper triangle is typed (1/9 … 9), the lower triangle shows the
// reciprocals; λmax, CI, CR and consistent/inconsistent update live (debounced POST /api/evaluation/ahp).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Descriptions, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkAhp, type AhpCheck } from '../../features/evaluation/evaluation-api.ts';
import {
  formatJudgement,
  identityMatrix,
  matrixFromTexts,
  parseJudgement,
  upperTexts,
} from '../../features/evaluation/ahp-matrix.ts';
import type { AhpEntryValue, HierarchyNode } from '../../features/evaluation/run-form.ts';
import { errorText } from '../../components/QueryState.tsx';

interface Props {
  parent: string;
  parentName: string;
  items: HierarchyNode[];
  value: AhpEntryValue | undefined;
  onChange: (v: AhpEntryValue | undefined) => void;
}

const DEBOUNCE_MS = 300;

export function AhpMatrixEditor({ parent, parentName, items, value, onChange }: Props) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const n = items.length;
  const initial = useMemo(() => upperTexts(value?.matrix ?? identityMatrix(n)), [n]);
  const [texts, setTexts] = useState<string[][]>(initial);
  const [check, setCheck] = useState<AhpCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const matrix = useMemo(() => matrixFromTexts(texts), [texts]);
  const key = matrix ? JSON.stringify(matrix) : null;
  const latest = useRef(0);

  // The form keeps the last complete matrix.
  useEffect(() => {
    if (matrix) onChange({ parent, children: items.map((i) => i.code), matrix });
  }, [key]);

  useEffect(() => {
    if (!matrix || n < 1) return;
    const ticket = ++latest.current;
    const ctl = new AbortController();
    setPending(true);
    const timer = setTimeout(() => {
      checkAhp(matrix, ctl.signal)
        .then((r) => {
          if (ticket !== latest.current) return;
          setCheck(r);
          setError(null);
        })
        .catch((e: unknown) => {
          if (ticket !== latest.current || ctl.signal.aborted) return;
          setError(errorText(e, t));
        })
        .finally(() => {
          if (ticket === latest.current) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key]);

  const setCell = (i: number, j: number, text: string) =>
    setTexts((prev) => prev.map((row, r) => (r === i ? row.map((c, k) => (k === j ? text : c)) : row)));

  const label = (it: HierarchyNode) => (en ? it.nameEn : it.nameZh);
  const testId = `ahp-${parent}`;
  return (
    <div className="ev-ahp" data-testid={testId}>
      <Typography.Text strong>{t('ahp.matrixOf', { name: parentName })}</Typography.Text>
      <div className="ev-ahp-scroll">
        <table className="ev-ahp-table">
          <thead>
            <tr>
              <th />
              {items.map((it, j) => (
                <th key={it.code} title={label(it)}>
                  <span className="ev-ahp-col">{`${j + 1}. ${label(it)}`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((row, i) => (
              <tr key={row.code}>
                <th scope="row" title={label(row)}>
                  <span className="ev-ahp-row">{`${i + 1}. ${label(row)}`}</span>
                </th>
                {items.map((col, j) => {
                  if (i === j)
                    return (
                      <td key={col.code} className="ev-ahp-diag">
                        1
                      </td>
                    );
                  if (j < i) {
                    const v = parseJudgement(texts[j]?.[i] ?? '');
                    return (
                      <td key={col.code} className="ev-ahp-recip">
                        {v === null ? '—' : formatJudgement(1 / v)}
                      </td>
                    );
                  }
                  const text = texts[i]?.[j] ?? '';
                  const bad = parseJudgement(text) === null;
                  return (
                    <td key={col.code}>
                      <Input
                        size="small"
                        value={text}
                        status={bad ? 'error' : undefined}
                        aria-label={t('ahp.cellLabel', { row: label(row), col: label(col) })}
                        data-testid={`${testId}-${i}-${j}`}
                        onChange={(e) => setCell(i, j, e.target.value)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Paragraph type="secondary" className="ev-hint">
        {t('ahp.scaleHint')}
      </Typography.Paragraph>
      {!matrix ? (
        <Alert type="warning" showIcon message={t('ahp.incomplete')} />
      ) : error ? (
        <Alert type="error" showIcon message={error} />
      ) : (
        check && (
          <div className="ev-ahp-result" data-testid={`${testId}-result`} aria-live="polite">
            <Descriptions size="small" column={4} bordered>
              <Descriptions.Item label="λmax">{check.lambdaMax.toFixed(4)}</Descriptions.Item>
              <Descriptions.Item label="CI">{check.ci.toFixed(4)}</Descriptions.Item>
              <Descriptions.Item label="CR">
                <span data-testid={`${testId}-cr`}>{check.cr.toFixed(4)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('ahp.verdict')}>
                <Space size={4}>
                  {check.consistent ? (
                    <Tag color="success">{t('ahp.consistent')}</Tag>
                  ) : (
                    <Tooltip title={t('ahp.inconsistentHint', { threshold: check.threshold })}>
                      <Tag color="error">{t('ahp.inconsistent')}</Tag>
                    </Tooltip>
                  )}
                  {pending && <Typography.Text type="secondary">…</Typography.Text>}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <div className="ev-ahp-weights">
              {items.map((it, k) => (
                <Tag key={it.code}>
                  {label(it)}: {((check.weights[k] ?? 0) * 100).toFixed(1)}%
                </Tag>
              ))}
            </div>
          </div>
        )
      )}
    </div>
  );
}
