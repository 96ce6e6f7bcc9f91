// The weights editor: the hierarchy the run evaluates with each node's framework weight and an optional
// override (relative within its parent; 0 leaves the node out). Overrides have the final say.
import { Button, InputNumber, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HierarchyDimension } from '../../features/evaluation/run-form.ts';

interface Row {
  key: string;
  code: string;
  name: string;
  kind: 'dimension' | 'indicator';
  weight: number;
  children?: Row[];
}

interface Props {
  hierarchy: HierarchyDimension[];
  overrides: Record<string, number>;
  onChange: (o: Record<string, number>) => void;
}

export function WeightsEditor({ hierarchy, overrides, onChange }: Props) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const rows: Row[] = hierarchy.map((d) => ({
    key: d.code,
    code: d.code,
    name: en ? d.nameEn : d.nameZh,
    kind: 'dimension',
    weight: d.weight,
    children: d.indicators.map((i) => ({
      key: i.code,
      code: i.code,
      name: en ? i.nameEn : i.nameZh,
      kind: 'indicator',
      weight: i.weight,
    })),
  }));
  const set = (code: string, v: number | null) => {
    const next = { ...overrides };
    if (v === null) delete next[code];
    else next[code] = v;
    onChange(next);
  };
  const count = Object.keys(overrides).length;
  return (
    <div data-testid="weights-editor">
      <div className="ev-row-between">
        <Typography.Text type="secondary">{t('weights.editorHint')}</Typography.Text>
        <Button size="small" disabled={count === 0} onClick={() => onChange({})}>
          {t('weights.reset', { count })}
        </Button>
      </div>
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: false }}
        scroll={{ y: 300 }}
        columns={[
          {
            title: t('weights.node'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <span>
                {r.kind === 'dimension' && <Tag color="blue">{r.code}</Tag>}
                {name}
              </span>
            ),
          },
          {
            title: t('weights.framework'),
            dataIndex: 'weight',
            width: 110,
            align: 'right',
            render: (w: number) => w.toLocaleString(undefined, { maximumFractionDigits: 4 }),
          },
          {
            title: t('weights.override'),
            width: 150,
            render: (_: unknown, r) => (
              <InputNumber
                size="small"
                min={0}
                step={0.1}
                style={{ width: 120 }}
                aria-label={t('weights.overrideOf', { name: r.name })}
                placeholder={t('weights.asMethod')}
                value={overrides[r.code] ?? null}
                onChange={(v) => set(r.code, typeof v === 'number' ? v : null)}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
