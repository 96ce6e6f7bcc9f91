// Upload a filled template (.xlsx) or a long-layout .csv: a dry run first lists every located problem and
// the summary; "Import" is offered only when the dry run found none. Nothing is written before that.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@scimon/contracts';
import { downloadTemplate, uploadImport, useCollectionAction } from '../../api/collection.ts';
import { errorText } from '../../components/QueryState.tsx';
import { ProblemList } from './ProblemList.tsx';

interface Props {
  orgUnit: string;
  period: string;
  framework: string;
  readOnly: boolean;
  onImported?: () => void;
}

export function UploadPanel({ orgUnit, period, framework, readOnly, onImported }: Props) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const doImport = useCollectionAction((f: File) => uploadImport(f, { dryRun: false, acceptWarnings }));

  const runCheck = async (f: File, accept: boolean) => {
    setChecking(true);
    setError(null);
    setCheck(null);
    try {
      setCheck(await uploadImport(f, { dryRun: true, acceptWarnings: accept }));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };

  const onDownload = async () => {
    setDownloading(true);
    try {
      await downloadTemplate(orgUnit, period, framework);
    } catch (e) {
      void message.error(errorText(e, (k) => t(k)));
    } finally {
      setDownloading(false);
    }
  };

  const onImport = async () => {
    if (!file) return;
    try {
      const r = await doImport.mutateAsync(file);
      setCheck(r);
      if (r.ok) {
        void message.success(
          t('upload.imported', { created: r.summary.created, updated: r.summary.updated }),
        );
        setFile(null);
        onImported?.();
      }
    } catch (e) {
      setError(e);
    }
  };

  const onlyWarnings =
    !!check &&
    check.problems.length > 0 &&
    check.problems.every((p) => p.code === 'E_IMPORT_COMMENT_REQUIRED');

  return (
    <div className="upload-panel">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('upload.hint', { orgUnit, period })}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void onDownload()}
          data-testid="download-template"
        >
          {t('upload.template')}
        </Button>
      </Flex>
      {!readOnly && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            void runCheck(f, acceptWarnings);
            return false;
          }}
          data-testid="upload-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('upload.drop')}</p>
          <p className="ant-upload-hint">{t('upload.dropHint')}</p>
        </Upload.Dragger>
      )}
      {file && (
        <Flex align="center" gap={12} wrap style={{ marginTop: 12 }}>
          <Typography.Text strong data-testid="upload-file">
            {file.name}
          </Typography.Text>
          <Checkbox
            checked={acceptWarnings}
            onChange={(e) => {
              setAcceptWarnings(e.target.checked);
              void runCheck(file, e.target.checked);
            }}
          >
            {t('upload.acceptWarnings')}
          </Checkbox>
        </Flex>
      )}
      {checking && <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('upload.checking')} />}
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorText(error, (k) => t(k))} />
      )}
      {check && (
        <div className="upload-result" data-testid="upload-result" data-ok={check.ok}>
          {check.problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12, marginBottom: 8 }}
              message={t('upload.problems', { count: check.problems.length })}
              description={onlyWarnings ? t('upload.onlyWarnings') : t('upload.fixAndRetry')}
            />
          ) : check.dryRun ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 12, marginBottom: 8 }}
              message={t('upload.clean')}
              action={
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  loading={doImport.isPending}
                  onClick={() => void onImport()}
                  data-testid="do-import"
                >
                  {t('upload.import')}
                </Button>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 12, marginBottom: 8 }}
              message={t('upload.done')}
              data-testid="import-done"
            />
          )}
          <Descriptions size="small" column={4} bordered style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('summary.created')}>{check.summary.created}</Descriptions.Item>
            <Descriptions.Item label={t('summary.updated')}>{check.summary.updated}</Descriptions.Item>
            <Descriptions.Item label={t('summary.unchanged')}>{check.summary.unchanged}</Descriptions.Item>
            <Descriptions.Item label={t('summary.warned')}>{check.summary.warned}</Descriptions.Item>
          </Descriptions>
          {check.problems.length > 0 && <ProblemList problems={check.problems} testId="problem-table" />}
          {check.notices.length > 0 && (
            <details className="notices">
              <summary>{t('upload.notices', { count: check.notices.length })}</summary>
              <Space direction="vertical" size={2}>
                {check.notices.slice(0, 50).map((n, k) => (
                  <Typography.Text key={k} type="secondary">
                    {n.message[lang]}
                  </Typography.Text>
                ))}
              </Space>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
