// The new-run form: scope (framework, years, level, data), processing (imputation, treatment,
// normalisation and panel), weights (method, editor, AHP matrices with live CR), aggregation and the
// Monte Carlo with sensitivity. Submits POST /api/evaluation/runs and opens the run.
import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FrameworkDetail } from '@scimon/contracts';
import {
  ahpParents,
  defaultFormValues,
  hierarchyOf,
  indicatorParamKind,
  toRunRequest,
  uncertainFactors,
  type Aggregation,
  type RunFormValues,
} from '../../features/evaluation/run-form.ts';
import { useCreateRun, useFrameworkDetail, useFrameworks } from '../../features/evaluation/evaluation-api.ts';
import { useOverview } from '../../api/monitoring.ts';
import { errorText, QueryState } from '../../components/QueryState.tsx';
import { AhpMatrixEditor } from './AhpMatrixEditor.tsx';
import { WeightsEditor } from './WeightsEditor.tsx';

const AGGREGATIONS: Aggregation[] = ['amean', 'gmean', 'hmean', 'genmean', 'copeland'];
const NORMALISATIONS = [
  'minmax',
  'zscore',
  'rank',
  'borda',
  'prank',
  'fracmax',
  'dist2max',
  'dist2ref',
  'dist2targ',
  'goalposts',
  'scaled',
  'standard',
] as const;
const MC_NORMALISATIONS = ['minmax', 'zscore', 'rank', 'prank', 'fracmax'] as const;

function Field({
  id,
  label,
  children,
  help,
}: {
  id?: string;
  label: string;
  children: ReactNode;
  help?: ReactNode;
}) {
  return (
    <Form.Item label={label} htmlFor={id} help={help} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}

export function RunForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('evaluation');
  const frameworks = useFrameworks();
  const overview = useOverview({});
  const latestYear = overview.data?.year;
  return (
    <QueryState
      isPending={frameworks.isPending || (overview.isPending && !overview.error)}
      error={frameworks.error}
      onRetry={() => void frameworks.refetch()}
    >
      {frameworks.data && (
        <RunFormBody
          frameworks={frameworks.data}
          latestYear={latestYear ?? new Date().getFullYear() - 1}
          onCancel={onCancel}
          key={t('form.title')}
        />
      )}
    </QueryState>
  );
}

function RunFormBody({
  frameworks,
  latestYear,
  onCancel,
}: {
  frameworks: { code: string; version: number; status: string; nameZh: string; nameEn: string }[];
  latestYear: number;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const navigate = useNavigate();
  const active = frameworks.find((f) => f.status === 'active') ?? frameworks[0];
  const [v, setV] = useState<RunFormValues>(() => ({
    ...defaultFormValues(latestYear),
    framework: active?.code,
  }));
  const set = <K extends keyof RunFormValues>(k: K, value: RunFormValues[K]) =>
    setV((p) => ({ ...p, [k]: value }));
  const detail = useFrameworkDetail(v.framework);
  const hierarchy = useMemo(() => (detail.data ? hierarchyOf(detail.data) : []), [detail.data]);
  const create = useCreateRun();
  const years = Array.from({ length: 10 }, (_, k) => latestYear - 9 + k);
  const parents = ahpParents(v, hierarchy);
  const factors = uncertainFactors(v);
  const paramKind = indicatorParamKind(v.normalise);
  const name = (n: { nameZh: string; nameEn: string }) => (en ? n.nameEn : n.nameZh);

  const submit = () => {
    create.mutate(toRunRequest(v, hierarchy), {
      onSuccess: (run) => navigate(`/evaluation/${run.id}`),
    });
  };

  const aggOptions = AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }));
  return (
    <Form layout="vertical" className="ev-form" data-testid="run-form" onFinish={submit}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('form.scope')}>
            <Row gutter={12}>
              <Col span={12}>
                <Field id="ev-name" label={t('form.name')}>
                  <Input
                    id="ev-name"
                    value={v.name}
                    maxLength={200}
                    placeholder={t('form.namePlaceholder')}
                    onChange={(e) => set('name', e.target.value)}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field id="ev-framework" label={t('form.framework')}>
                  <Select
                    id="ev-framework"
                    value={v.framework}
                    options={frameworks.map((f) => ({ value: f.code, label: `${name(f)} (v${f.version})` }))}
                    onChange={(c: string) => setV((p) => ({ ...p, framework: c, overrides: {}, ahp: {} }))}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field id="ev-years" label={t('form.years')}>
                  <Select
                    id="ev-years"
                    mode="multiple"
                    value={v.years}
                    options={years.map((y) => ({ value: y, label: String(y) }))}
                    onChange={(ys: number[]) => set('years', ys)}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('form.level')}>
                  <Radio.Group
                    value={v.level}
                    optionType="button"
                    options={[
                      { value: 'park', label: t('level.park') },
                      { value: 'zone', label: t('level.zone') },
                    ]}
                    onChange={(e) => set('level', e.target.value as RunFormValues['level'])}
                  />
                </Field>
              </Col>
              <Col span={24}>
                <Field
                  label={t('form.dataStatus')}
                  help={<span className="ev-hint">{t('form.dataStatusHint')}</span>}
                >
                  <Radio.Group
                    value={v.dataStatus}
                    options={[
                      { value: 'reviewed', label: t('dataStatus.reviewed') },
                      { value: 'published', label: t('dataStatus.published') },
                    ]}
                    onChange={(e) => set('dataStatus', e.target.value as RunFormValues['dataStatus'])}
                  />
                </Field>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('form.processing')}>
            <Row gutter={12}>
              <Col span={12}>
                <Field id="ev-impute" label={t('form.impute')}>
                  <Select
                    id="ev-impute"
                    value={v.impute}
                    options={(['none', 'mean', 'median', 'mean-by', 'median-by'] as const).map((m) => ({
                      value: m,
                      label: t(`impute.${m}`),
                    }))}
                    onChange={(m: RunFormValues['impute']) => set('impute', m)}
                  />
                </Field>
              </Col>
              <Col span={12}>
                {(v.impute === 'mean-by' || v.impute === 'median-by') && (
                  <Field id="ev-groupby" label={t('form.groupBy')}>
                    <Select
                      id="ev-groupby"
                      value={v.imputeGroupBy}
                      options={(['parent', 'year', 'parent-year'] as const).map((g) => ({
                        value: g,
                        label: t(`groupBy.${g}`),
                      }))}
                      onChange={(g: RunFormValues['imputeGroupBy']) => set('imputeGroupBy', g)}
                    />
                  </Field>
                )}
              </Col>
              <Col span={12}>
                <Field id="ev-treat" label={t('form.treat')}>
                  <Select
                    id="ev-treat"
                    value={v.treat}
                    options={[
                      { value: 'none', label: t('treat.none') },
                      { value: 'winsorise', label: t('treat.winsorise') },
                    ]}
                    onChange={(m: RunFormValues['treat']) => set('treat', m)}
                  />
                </Field>
              </Col>
              {v.treat === 'winsorise' && (
                <>
                  <Col span={6}>
                    <Field id="ev-winmax" label={t('form.winmax')}>
                      <InputNumber
                        id="ev-winmax"
                        min={0}
                        max={50}
                        value={v.winmax}
                        style={{ width: '100%' }}
                        onChange={(n) => set('winmax', n ?? 5)}
                      />
                    </Field>
                  </Col>
                  <Col span={6}>
                    <Field id="ev-fallback" label={t('form.fallback')}>
                      <Select
                        id="ev-fallback"
                        value={v.treatFallback}
                        options={(['log_CT', 'log_CT_plus', 'log_CT_orig', 'boxcox', 'none'] as const).map(
                          (f) => ({ value: f, label: f === 'none' ? t('treat.none') : f }),
                        )}
                        onChange={(f: RunFormValues['treatFallback']) => set('treatFallback', f)}
                      />
                    </Field>
                  </Col>
                </>
              )}
              <Col span={24} />
              <Col span={12}>
                <Field id="ev-normalise" label={t('form.normalise')}>
                  <Select
                    id="ev-normalise"
                    value={v.normalise}
                    options={NORMALISATIONS.map((m) => ({ value: m, label: t(`normalise.${m}`) }))}
                    onChange={(m: RunFormValues['normalise']) => set('normalise', m)}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <NormaliseParams v={v} set={set} />
              </Col>
              <Col span={24}>
                <Field
                  label={t('form.panel')}
                  help={
                    <span className="ev-hint" data-testid="panel-hint">
                      {t(`panel.${v.panel}Hint`)}
                    </span>
                  }
                >
                  <Radio.Group
                    value={v.panel}
                    options={[
                      { value: 'global', label: t('panel.global') },
                      { value: 'per-period', label: t('panel.per-period') },
                    ]}
                    onChange={(e) => set('panel', e.target.value as RunFormValues['panel'])}
                  />
                </Field>
              </Col>
            </Row>
          </Card>
        </Col>

        {paramKind && (
          <Col span={24}>
            <Card size="small" title={t(`params.${paramKind}Title`)}>
              <IndicatorParams v={v} set={set} hierarchyName={name} kind={paramKind} detail={detail.data} />
            </Card>
          </Col>
        )}

        <Col span={24}>
          <Card size="small" title={t('form.weights')}>
            <Row gutter={[16, 8]}>
              <Col xs={24} lg={8}>
                <Field id="ev-wind" label={t('form.indicatorWeights')}>
                  <Select
                    id="ev-wind"
                    value={v.indicatorWeights}
                    options={(
                      ['framework', 'equal', 'entropy', 'pca-first', 'pca-handbook', 'ahp'] as const
                    ).map((m) => ({ value: m, label: t(`weights.${m}`) }))}
                    onChange={(m: RunFormValues['indicatorWeights']) => set('indicatorWeights', m)}
                  />
                </Field>
                <Field id="ev-wdim" label={t('form.dimensionWeights')}>
                  <Select
                    id="ev-wdim"
                    value={v.dimensionWeights}
                    options={(['framework', 'equal', 'ahp', 'sum-of-children'] as const).map((m) => ({
                      value: m,
                      label: t(`weights.${m}`),
                    }))}
                    onChange={(m: RunFormValues['dimensionWeights']) => set('dimensionWeights', m)}
                  />
                </Field>
                <Typography.Paragraph type="secondary" className="ev-hint">
                  {t(`weights.${v.indicatorWeights}Hint`)}
                </Typography.Paragraph>
                {parents.length > 0 && (
                  <Checkbox
                    checked={v.allowInconsistent}
                    onChange={(e) => set('allowInconsistent', e.target.checked)}
                  >
                    {t('ahp.allowInconsistent')}
                  </Checkbox>
                )}
              </Col>
              <Col xs={24} lg={16}>
                <QueryState isPending={detail.isPending} error={detail.error}>
                  <WeightsEditor
                    hierarchy={hierarchy}
                    overrides={v.overrides}
                    onChange={(o) => set('overrides', o)}
                  />
                </QueryState>
              </Col>
              {parents.length > 0 && (
                <Col span={24}>
                  <Typography.Title level={5} style={{ marginTop: 8 }}>
                    {t('ahp.title')}
                  </Typography.Title>
                  <div className="ev-ahp-grid">
                    {parents.map((p) => (
                      <AhpMatrixEditor
                        key={`${v.framework}-${p.parent}`}
                        parent={p.parent}
                        parentName={
                          p.parent === 'INDEX'
                            ? t('ahp.index')
                            : name(
                                hierarchy.find((d) => d.code === p.parent) ?? {
                                  nameZh: p.parent,
                                  nameEn: p.parent,
                                },
                              )
                        }
                        items={p.children}
                        value={v.ahp[p.parent]}
                        onChange={(e) =>
                          setV((prev) => {
                            const ahp = { ...prev.ahp };
                            if (e) ahp[p.parent] = e;
                            else delete ahp[p.parent];
                            return { ...prev, ahp };
                          })
                        }
                      />
                    ))}
                  </div>
                </Col>
              )}
            </Row>
          </Card>
        </Col>

        <Col xs={24} xl={8}>
          <Card size="small" title={t('form.aggregation')} style={{ height: '100%' }}>
            <Field id="ev-agg-dim" label={t('form.aggregateDimensions')}>
              <Select
                id="ev-agg-dim"
                value={v.aggregateDimensions}
                options={aggOptions}
                onChange={(a: Aggregation) => set('aggregateDimensions', a)}
              />
            </Field>
            <Field id="ev-agg-index" label={t('form.aggregateIndex')}>
              <Select
                id="ev-agg-index"
                value={v.aggregateIndex}
                options={aggOptions}
                onChange={(a: Aggregation) => set('aggregateIndex', a)}
              />
            </Field>
            {(v.aggregateDimensions === 'genmean' || v.aggregateIndex === 'genmean') && (
              <Field id="ev-p" label={t('form.genmeanP')}>
                <InputNumber
                  id="ev-p"
                  value={v.genmeanP}
                  step={0.5}
                  onChange={(n) => set('genmeanP', n ?? 2)}
                />
              </Field>
            )}
            <Typography.Paragraph type="secondary" className="ev-hint">
              {t('aggregation.hint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={t('form.uncertainty')}
            extra={
              <Switch
                checked={v.mcEnabled}
                aria-label={t('form.mcEnabled')}
                onChange={(c) => set('mcEnabled', c)}
                checkedChildren={t('form.on')}
                unCheckedChildren={t('form.off')}
              />
            }
          >
            {v.mcEnabled ? (
              <Row gutter={12}>
                <Col span={6}>
                  <Field id="ev-runs" label={t('form.mcRuns')}>
                    <InputNumber
                      id="ev-runs"
                      min={10}
                      max={50000}
                      step={100}
                      value={v.mcRuns}
                      style={{ width: '100%' }}
                      onChange={(n) => set('mcRuns', n ?? 1000)}
                    />
                  </Field>
                </Col>
                <Col span={6}>
                  <Field id="ev-seed" label={t('form.mcSeed')}>
                    <InputNumber
                      id="ev-seed"
                      min={0}
                      max={2 ** 31 - 1}
                      value={v.mcSeed}
                      style={{ width: '100%' }}
                      onChange={(n) => set('mcSeed', n ?? 1)}
                    />
                  </Field>
                </Col>
                <Col span={6}>
                  <Field id="ev-noise" label={t('form.mcWeightNoise')}>
                    <InputNumber
                      id="ev-noise"
                      min={0}
                      max={1}
                      step={0.05}
                      value={v.mcWeightNoise}
                      style={{ width: '100%' }}
                      onChange={(n) => set('mcWeightNoise', n ?? 0)}
                    />
                  </Field>
                </Col>
                <Col span={6}>
                  <Field id="ev-mcyear" label={t('form.mcYear')}>
                    <Select
                      id="ev-mcyear"
                      allowClear
                      placeholder={t('form.mcYearDefault')}
                      value={v.mcYear}
                      options={[...v.years].sort().map((y) => ({ value: y, label: String(y) }))}
                      onChange={(y?: number) => set('mcYear', y)}
                    />
                  </Field>
                </Col>
                <Col span={8}>
                  <Field id="ev-mcnorm" label={t('form.mcNormalisations')}>
                    <Select
                      id="ev-mcnorm"
                      mode="multiple"
                      allowClear
                      placeholder={t('form.none')}
                      value={v.mcNormalisations}
                      options={MC_NORMALISATIONS.map((m) => ({ value: m, label: t(`normalise.${m}`) }))}
                      onChange={(m: RunFormValues['mcNormalisations']) => set('mcNormalisations', m)}
                    />
                  </Field>
                </Col>
                <Col span={8}>
                  <Field id="ev-mcagg" label={t('form.mcAggregations')}>
                    <Select
                      id="ev-mcagg"
                      mode="multiple"
                      allowClear
                      placeholder={t('form.none')}
                      value={v.mcAggregations}
                      options={aggOptions.filter((o) => o.value !== 'genmean')}
                      onChange={(a: Aggregation[]) => set('mcAggregations', a)}
                    />
                  </Field>
                </Col>
                <Col span={8}>
                  <Field id="ev-mcwin" label={t('form.mcWinmax')}>
                    <Select
                      id="ev-mcwin"
                      mode="multiple"
                      allowClear
                      placeholder={t('form.none')}
                      value={v.mcWinmax}
                      options={[0, 1, 2, 3, 4, 5, 6, 8, 10].map((n) => ({ value: n, label: String(n) }))}
                      onChange={(w: number[]) => set('mcWinmax', w)}
                    />
                  </Field>
                </Col>
                <Col span={24}>
                  <Space wrap align="center">
                    <Checkbox
                      checked={v.saEnabled}
                      disabled={factors < 2}
                      onChange={(e) => set('saEnabled', e.target.checked)}
                    >
                      {t('form.saEnabled')}
                    </Checkbox>
                    {v.saEnabled && factors >= 2 && (
                      <>
                        <label htmlFor="ev-san">{t('form.saN')}</label>
                        <InputNumber
                          id="ev-san"
                          min={10}
                          max={5000}
                          value={v.saN}
                          onChange={(n) => set('saN', n ?? 100)}
                        />
                        <label htmlFor="ev-sab">{t('form.saBootstrap')}</label>
                        <InputNumber
                          id="ev-sab"
                          min={0}
                          max={1000}
                          value={v.saBootstrap}
                          onChange={(n) => set('saBootstrap', n ?? 0)}
                        />
                      </>
                    )}
                  </Space>
                  <Typography.Paragraph type="secondary" className="ev-hint" style={{ marginTop: 6 }}>
                    {factors < 2
                      ? t('form.saNeedsTwo', { count: factors })
                      : t('form.saHint', { count: factors })}
                  </Typography.Paragraph>
                </Col>
              </Row>
            ) : (
              <Typography.Text type="secondary">{t('form.mcOffHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {create.error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={t('form.createFailed')}
          description={errorText(create.error, t)}
          data-testid="create-error"
        />
      )}
      <div className="ev-form-actions">
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} disabled={v.years.length === 0}>
          {t('form.submit')}
        </Button>
      </div>
    </Form>
  );
}

type Setter = <K extends keyof RunFormValues>(k: K, value: RunFormValues[K]) => void;

function NormaliseParams({ v, set }: { v: RunFormValues; set: Setter }) {
  const { t } = useTranslation('evaluation');
  if (v.normalise === 'minmax' || v.normalise === 'scaled')
    return (
      <Space.Compact block>
        <Field id="ev-lower" label={t('form.lower')}>
          <InputNumber id="ev-lower" value={v.rangeLower} onChange={(n) => set('rangeLower', n ?? 0)} />
        </Field>
        <Field id="ev-upper" label={t('form.upper')}>
          <InputNumber id="ev-upper" value={v.rangeUpper} onChange={(n) => set('rangeUpper', n ?? 100)} />
        </Field>
        {v.normalise === 'scaled' && (
          <Field id="ev-sf" label={t('form.scaleFactor')}>
            <InputNumber id="ev-sf" value={v.scaleFactor} onChange={(n) => set('scaleFactor', n ?? 100)} />
          </Field>
        )}
      </Space.Compact>
    );
  if (v.normalise === 'zscore')
    return (
      <Space>
        <Field id="ev-zm" label={t('form.zMean')}>
          <InputNumber id="ev-zm" value={v.zMean} onChange={(n) => set('zMean', n ?? 0)} />
        </Field>
        <Field id="ev-zsd" label={t('form.zSd')}>
          <InputNumber id="ev-zsd" min={0.0001} value={v.zSd} onChange={(n) => set('zSd', n ?? 1)} />
        </Field>
      </Space>
    );
  if (v.normalise === 'dist2ref')
    return (
      <Space align="end">
        <Field id="ev-ref" label={t('form.refUnit')}>
          <Input
            id="ev-ref"
            value={v.refUnit ?? ''}
            placeholder={t('form.refUnitDefault')}
            onChange={(e) => set('refUnit', e.target.value.trim() || undefined)}
          />
        </Field>
        <Checkbox checked={v.cap} onChange={(e) => set('cap', e.target.checked)} style={{ marginBottom: 16 }}>
          {t('form.cap')}
        </Checkbox>
      </Space>
    );
  if (v.normalise === 'dist2targ' || v.normalise === 'standard')
    return (
      <Checkbox checked={v.cap} onChange={(e) => set('cap', e.target.checked)} style={{ marginTop: 30 }}>
        {t('form.cap')}
      </Checkbox>
    );
  if (v.normalise === 'goalposts')
    return (
      <Checkbox checked={v.trunc} onChange={(e) => set('trunc', e.target.checked)} style={{ marginTop: 30 }}>
        {t('form.trunc')}
      </Checkbox>
    );
  return null;
}

function IndicatorParams({
  v,
  set,
  kind,
  detail,
  hierarchyName,
}: {
  v: RunFormValues;
  set: Setter;
  kind: 'target' | 'standard' | 'goalposts';
  detail: FrameworkDetail | undefined;
  hierarchyName: (n: { nameZh: string; nameEn: string }) => string;
}) {
  const { t } = useTranslation('evaluation');
  const rows = detail ? hierarchyOf(detail).flatMap((d) => d.indicators) : [];
  const put = (code: string, field: 'target' | 'standard' | 'lower' | 'upper', n: number | null) => {
    const cur = { ...(v.indicatorParams[code] ?? {}) };
    if (n === null) delete cur[field];
    else cur[field] = n;
    set('indicatorParams', { ...v.indicatorParams, [code]: cur });
  };
  const num = (code: string, field: 'target' | 'standard' | 'lower' | 'upper', label: string) => (
    <InputNumber
      size="small"
      aria-label={label}
      value={v.indicatorParams[code]?.[field] ?? null}
      onChange={(n) => put(code, field, typeof n === 'number' ? n : null)}
    />
  );
  const fields: ('target' | 'standard' | 'lower' | 'upper')[] =
    kind === 'goalposts' ? ['lower', 'upper'] : [kind];
  return (
    <>
      <Typography.Paragraph type="secondary" className="ev-hint">
        {t(`params.${kind}Hint`)}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 240 }}
        rowKey="code"
        dataSource={rows}
        columns={[
          { title: t('weights.node'), render: (_: unknown, r: (typeof rows)[number]) => hierarchyName(r) },
          ...fields.map((f) => ({
            title: t(`params.${f}`),
            width: 160,
            render: (_: unknown, r: (typeof rows)[number]) =>
              num(r.code, f, `${hierarchyName(r)} ${t(`params.${f}`)}`),
          })),
        ]}
      />
    </>
  );
}
