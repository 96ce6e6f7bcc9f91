// The password the server generated for a new user, shown once with a copy button.
import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreateUserResponse } from '../../api/types.ts';

export function GeneratedPasswordModal({
  result,
  onClose,
}: {
  result: CreateUserResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  return (
    <Modal
      open={result !== null}
      title={t('generated.title', { username: result?.username })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('generated.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert type="warning" showIcon message={t('generated.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('generated.label')}</Typography.Paragraph>
      <Typography.Paragraph
        copyable={{
          text: result?.generatedPassword ?? '',
          tooltips: [t('generated.copy'), t('generated.copied')],
        }}
      >
        <Typography.Text code strong style={{ fontSize: 18 }} data-testid="generated-password">
          {result?.generatedPassword}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('generated.hint')}</Typography.Text>
    </Modal>
  );
}
