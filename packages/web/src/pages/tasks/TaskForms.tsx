// The forms that drive a task: a lead unit's report (percent, text, milestone updates, evidence) and
// extension request; the coordinator's return / refusal reasons, due date, stage change, milestone, closure.
import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@scimon/contracts';
import { errorText } from '../../components/QueryState.tsx';
import { FormModal } from './FormModal.tsx';
import { taskWrites, uploadEvidence, useTaskAction } from './tasks-api.ts';
import { recentPeriods } from './task-view.ts';
import { useUnitName } from './UnitName.tsx';

const ISO = 'YYYY-MM-DD';
/** The controlled list of stages (contracts' STAGE_CODES; the web app imports only types from contracts). */
const STAGE_CODES = ['explore', 'prepare', 'reserve', 'preconditions', 'started', 'building', 'operating'];
const iso = (d: Dayjs | null | undefined) => (d ? d.format(ISO) : null);

interface Base {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}

// ---- a lead unit's progress report

interface ReportValues {
  leadUnit: string;
  period: string;
  percent: number;
  text: string;
  final: boolean;
  milestones?: Record<string, Dayjs | null>;
  evidence?: UploadFile[];
}

export function ReportModal({ task, open, onClose, onDone, units }: Base & { units: string[] }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const unitName = useUnitName();
  const action = useTaskAction((body: Parameters<typeof taskWrites.fileReport>[1]) =>
    taskWrites.fileReport(task.code, body),
  );
  const [leadUnit, setLeadUnit] = useState(units[0] ?? '');
  const progress = task.units.find((u) => u.leadUnit.code === leadUnit);
  const current = progress?.currentPeriod ?? '';
  const periods = current ? recentPeriods(current, 6) : [];
  const returned = task.reports.find(
    (r) => r.leadUnit.code === leadUnit && r.period === current && r.status === 'returned',
  );
  const openMilestones = task.milestones.filter((m) => !m.doneOn);

  return (
    <FormModal<ReportValues>
      title={t('report.fileTitle', { code: task.code })}
      okText={t('report.submit')}
      open={open}
      width={680}
      top={24}
      onClose={onClose}
      onDone={onDone}
      initialValues={{
        leadUnit,
        period: current,
        percent: returned?.percent ?? progress?.latestAcceptedPercent ?? undefined,
        text: returned?.text,
        final: false,
        milestones: Object.fromEntries(
          (returned?.milestones ?? [])
            .filter((m) => m.doneOn)
            .map((m) => [String(m.milestoneId), dayjs(m.doneOn)]),
        ),
      }}
      onSubmit={(v) => {
        const files = v.evidence ?? [];
        const ids = files.filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id);
        return action.mutateAsync({
          leadUnit: v.leadUnit,
          period: v.period,
          text: v.text,
          percent: v.percent,
          final: v.final,
          milestones: Object.entries(v.milestones ?? {})
            .filter(([, d]) => d)
            .map(([id, d]) => ({ milestoneId: Number(id), doneOn: iso(d) })),
          evidenceIds: ids,
        });
      }}
    >
      {(form) => (
        <>
          <div className="form-row">
            <Form.Item name="leadUnit" label={t('report.leadUnit')} rules={[{ required: true }]}>
              <Select
                options={units.map((c) => ({ value: c, label: unitName.short({ code: c }) }))}
                onChange={(c: string) => {
                  setLeadUnit(c);
                  form.setFieldsValue({
                    period: task.units.find((u) => u.leadUnit.code === c)?.currentPeriod ?? '',
                    evidence: [],
                  });
                }}
              />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('report.period')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select options={periods.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
            <Form.Item
              name="percent"
              label={t('report.percent')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={100} step={5} addonAfter="%" style={{ width: 130 }} />
            </Form.Item>
          </div>
          {returned && (
            <Typography.Paragraph type="danger" className="returned-note">
              {t('report.returnedNote', { reason: returned.reviewReason ?? '' })}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="text"
            label={t('report.text')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={20000} placeholder={t('report.textHint')} />
          </Form.Item>
          {openMilestones.length > 0 && (
            <Form.Item label={t('report.milestones')} tooltip={t('report.milestonesHint')}>
              <div className="milestone-updates">
                {openMilestones.map((m) => (
                  <div key={m.id} className="milestone-update">
                    <span className="milestone-update-title">
                      {en ? m.titleEn : m.titleZh}{' '}
                      <Typography.Text type="secondary">
                        ({t('milestone.due')} {m.dueDate})
                      </Typography.Text>
                    </span>
                    <Form.Item name={['milestones', String(m.id)]} noStyle>
                      <DatePicker
                        placeholder={t('report.doneOn')}
                        disabledDate={(d) => d.isAfter(dayjs(task.asOf), 'day')}
                        aria-label={`${t('report.doneOn')} ${en ? m.titleEn : m.titleZh}`}
                      />
                    </Form.Item>
                  </div>
                ))}
              </div>
            </Form.Item>
          )}
          <Form.Item
            name="evidence"
            label={t('report.evidence')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            extra={t('report.evidenceHint')}
          >
            <Upload.Dragger
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt,.csv"
              customRequest={({ file, onSuccess, onError }) => {
                uploadEvidence(task.code, form.getFieldValue('leadUnit') as string, file as File).then(
                  (ev) => onSuccess?.(ev),
                  (e: unknown) => {
                    const err = new Error(errorText(e, (k) => t(k)));
                    onError?.(err);
                  },
                );
              }}
              itemRender={(node, file) => (
                <div title={file.error ? String((file.error as Error).message) : undefined}>
                  {node}
                  {file.status === 'error' && (
                    <Typography.Text type="danger" className="upload-error">
                      {(file.error as Error | undefined)?.message}
                    </Typography.Text>
                  )}
                </div>
              )}
            >
              <p className="ant-upload-text evidence-drop">
                <InboxOutlined /> {t('report.evidenceDrop')}
              </p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item name="final" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('report.final')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

// ---- a lead unit's extension request

export function ExtensionModal({ task, open, onClose, units }: Base & { units: string[] }) {
  const { t } = useTranslation('tasks');
  const unitName = useUnitName();
  const action = useTaskAction((b: { leadUnit: string; newDueDate: string; reason: string }) =>
    taskWrites.requestExtension(task.code, b),
  );
  return (
    <FormModal<{ leadUnit: string; newDueDate: Dayjs; reason: string }>
      title={t('extension.requestTitle', { code: task.code })}
      okText={t('extension.submit')}
      open={open}
      onClose={onClose}
      initialValues={{ leadUnit: units[0] }}
      onSubmit={(v) =>
        action.mutateAsync({ leadUnit: v.leadUnit, newDueDate: iso(v.newDueDate) ?? '', reason: v.reason })
      }
    >
      <Typography.Paragraph type="secondary">
        {t('extension.currentDue', { date: task.dueDate ?? '—' })}
      </Typography.Paragraph>
      <Form.Item name="leadUnit" label={t('report.leadUnit')} rules={[{ required: true }]}>
        <Select options={units.map((c) => ({ value: c, label: unitName.short({ code: c }) }))} />
      </Form.Item>
      <Form.Item
        name="newDueDate"
        label={t('extension.newDue')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker
          disabledDate={(d) => !!task.dueDate && !d.isAfter(dayjs(task.dueDate), 'day')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('extension.reason')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

// ---- a reason (return a report, refuse an extension)

export function ReasonModal({
  title,
  okText,
  open,
  onClose,
  onSubmit,
  label,
}: {
  title: string;
  okText: string;
  label: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('tasks');
  return (
    <FormModal<{ reason: string }>
      title={title}
      okText={okText}
      danger
      open={open}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v.reason)}
    >
      <Form.Item
        name="reason"
        label={label}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

// ---- coordinator: due date

export function DueDateModal({ task, open, onClose }: Base) {
  const { t } = useTranslation('tasks');
  const action = useTaskAction((d: string) => taskWrites.setDueDate(task.code, d));
  return (
    <FormModal<{ dueDate: Dayjs }>
      title={t('manage.dueTitle', { code: task.code })}
      okText={t('form.save')}
      open={open}
      onClose={onClose}
      initialValues={{ dueDate: task.dueDate ? dayjs(task.dueDate) : undefined }}
      onSubmit={(v) => action.mutateAsync(iso(v.dueDate) ?? '')}
    >
      {task.dueDateAssumption && (
        <Typography.Paragraph type="secondary">{t('task.dueAssumedHint')}</Typography.Paragraph>
      )}
      <Form.Item
        name="dueDate"
        label={t('task.due')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

// ---- coordinator: stage change with evidence

export function StageModal({ task, open, onClose }: Base) {
  const { t } = useTranslation('tasks');
  const action = useTaskAction((b: { stage: string; changedOn: string; evidence: string }) =>
    taskWrites.changeStage(task.code, b),
  );
  return (
    <FormModal<{ stage: string; changedOn: Dayjs; evidence: string }>
      title={t('manage.stageTitle', { code: task.code })}
      okText={t('form.save')}
      open={open}
      onClose={onClose}
      initialValues={{ stage: task.stage ?? undefined, changedOn: dayjs(task.asOf) }}
      onSubmit={(v) =>
        action.mutateAsync({ stage: v.stage, changedOn: iso(v.changedOn) ?? '', evidence: v.evidence })
      }
    >
      <div className="form-row">
        <Form.Item
          name="stage"
          label={t('task.stage')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            style={{ width: 240 }}
            options={STAGE_CODES.map((s) => ({ value: s, label: t(`policy:stage.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="changedOn"
          label={t('manage.changedOn')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(task.asOf), 'day')} />
        </Form.Item>
      </div>
      <Form.Item
        name="evidence"
        label={t('manage.stageEvidence')}
        extra={t('manage.stageEvidenceHint')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

// ---- coordinator: a new milestone

export function MilestoneModal({ task, open, onClose }: Base) {
  const { t } = useTranslation('tasks');
  const action = useTaskAction((b: { titleZh: string; titleEn: string; dueDate: string }) =>
    taskWrites.addMilestone(task.code, b),
  );
  return (
    <FormModal<{ titleZh: string; titleEn: string; dueDate: Dayjs }>
      title={t('manage.milestoneTitle', { code: task.code })}
      okText={t('form.save')}
      open={open}
      onClose={onClose}
      onSubmit={(v) =>
        action.mutateAsync({ titleZh: v.titleZh, titleEn: v.titleEn, dueDate: iso(v.dueDate) ?? '' })
      }
    >
      <Form.Item
        name="titleZh"
        label={t('manage.titleZh')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="titleEn"
        label={t('manage.titleEn')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('milestone.due')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

// ---- coordinator: closure sign-off

export function CloseModal({ task, open, onClose }: Base) {
  const { t } = useTranslation('tasks');
  const action = useTaskAction((b: { summary: string; closedOn?: string }) => taskWrites.close(task.code, b));
  return (
    <FormModal<{ summary: string; closedOn: Dayjs }>
      title={t('manage.closeTitle', { code: task.code })}
      okText={t('manage.close')}
      open={open}
      onClose={onClose}
      initialValues={{ closedOn: dayjs(task.asOf) }}
      onSubmit={(v) => action.mutateAsync({ summary: v.summary, closedOn: iso(v.closedOn) ?? undefined })}
    >
      <Typography.Paragraph type="secondary">{t('manage.closeHint')}</Typography.Paragraph>
      <Form.Item
        name="closedOn"
        label={t('manage.closedOn')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(task.asOf), 'day')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('manage.summary')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}
