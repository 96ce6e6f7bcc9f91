// The coordination rules in force (relative tolerance, source precedence) above the coordination queue,
// and for coordinators and administrators their editor: the tolerance in percent and the precedence as
// a list with up/down buttons, saved with PUT /api/coordination/settings.
import { useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoordinationSettingsView, SourceCode } from '@scimon/contracts';
import {
  putCoordinationSettings,
  useCollectionAction,
  useCoordinationSettings,
} from '../../api/collection.ts';
import { errorText } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatShare } from './collection-view.ts';

/** A tolerance as a percentage, without float noise (0.07 → 7). */
const toPercent = (x: number) => Number((x * 100).toFixed(6));
const fromPercent = (p: number) => Number((p / 100).toFixed(8));
const shareText = (x: number) => formatShare(x, Number.isInteger(toPercent(x)) ? 0 : 2);

export function CoordinationRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('collection');
  const q = useCoordinationSettings();
  const [editing, setEditing] = useState(false);
  const s = q.data;
  if (!s) return null;
  return (
    <div className="coord-rules" data-testid="coordination-rules">
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{t('coordSettings.inForce')}</Typography.Text>
        <span data-testid="rules-tolerance">
          {t('coordSettings.toleranceText', { tolerance: shareText(s.relativeTolerance) })}
        </span>
        <span className="coord-rules-sep">·</span>
        <span>{t('coordSettings.precedenceLabel')}</span>
        <span data-testid="rules-precedence">
          {s.precedence.map((src, k) => (
            <span key={src} className="nowrap">
              {k > 0 && <span className="coord-rules-gt"> &gt; </span>}
              {t(`source.${src}`)}
            </span>
          ))}
        </span>
        <Typography.Text type="secondary">
          {s.updatedBy && s.updatedAt
            ? t('coordSettings.updated', { by: s.updatedBy, at: formatDateTime(s.updatedAt) })
            : t('coordSettings.defaults')}
        </Typography.Text>
        {canEdit && (
          <Button
            size="small"
            icon={<SettingOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-rules"
          >
            {t('coordSettings.edit')}
          </Button>
        )}
      </Flex>
      {canEdit && editing && <SettingsModal settings={s} onClose={() => setEditing(false)} />}
    </div>
  );
}

function SettingsModal({ settings, onClose }: { settings: CoordinationSettingsView; onClose: () => void }) {
  const { t } = useTranslation('collection');
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(toPercent(settings.relativeTolerance));
  const [order, setOrder] = useState<SourceCode[]>([...settings.precedence]);
  const [error, setError] = useState<unknown>(null);
  const save = useCollectionAction(putCoordinationSettings);

  const move = (k: number, by: -1 | 1) =>
    setOrder((o) => {
      const n = [...o];
      const [x] = n.splice(k, 1);
      n.splice(k + by, 0, x!);
      return n;
    });

  const onSave = async () => {
    if (percent === null) {
      setError(t('coordSettings.toleranceRequired'));
      return;
    }
    setError(null);
    try {
      await save.mutateAsync({ relativeTolerance: fromPercent(percent), precedence: order });
      void message.success(t('coordSettings.saved'));
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('coordSettings.title')}
      onCancel={onClose}
      width={560}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: save.isPending, ...{ 'data-testid': 'save-rules' } }}
      onOk={() => void onSave()}
    >
      <div className="coord-settings" data-testid="coordination-settings">
        <label htmlFor="coord-tolerance" className="coord-settings-label">
          {t('coordSettings.tolerance')}
        </label>
        <Space align="center">
          <InputNumber
            id="coord-tolerance"
            min={0}
            max={1000}
            step={1}
            value={percent}
            onChange={(v) => setPercent(v)}
            addonAfter="%"
            style={{ width: 140 }}
          />
        </Space>
        <Typography.Paragraph type="secondary" className="coord-settings-hint">
          {t('coordSettings.toleranceHint')}
        </Typography.Paragraph>

        <div className="coord-settings-label">{t('coordSettings.precedence')}</div>
        <ol className="precedence-list" data-testid="precedence-list">
          {order.map((src, k) => (
            <li key={src} data-source={src}>
              <Tag color={k === 0 ? 'blue' : undefined} className="precedence-rank">
                {k + 1}
              </Tag>
              <span className="precedence-name">{t(`source.${src}`)}</span>
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={k === 0}
                onClick={() => move(k, -1)}
                aria-label={t('coordSettings.up', { source: t(`source.${src}`) })}
              />
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={k === order.length - 1}
                onClick={() => move(k, 1)}
                aria-label={t('coordSettings.down', { source: t(`source.${src}`) })}
              />
            </li>
          ))}
        </ol>
        <Typography.Paragraph type="secondary" className="coord-settings-hint">
          {t('coordSettings.precedenceHint')}
        </Typography.Paragraph>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={typeof error === 'string' ? error : errorText(error, (k) => t(k))}
            data-testid="rules-error"
          />
        )}
      </div>
    </Modal>
  );
}
