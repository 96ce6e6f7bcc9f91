// The policy document's identity: title, number, dates, issuers.
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyDocument } from '../../api/catalogue.ts';

export function PolicyDocumentCard({ doc }: { doc: PolicyDocument }) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ fontSize: 15 }}>
        {en ? doc.titleEn : `《${doc.titleZh}》`}
      </Typography.Text>
      <Descriptions
        size="small"
        column={3}
        style={{ marginTop: 8 }}
        items={[
          { key: 'no', label: t('doc.number'), children: doc.documentNo },
          { key: 'written', label: t('doc.writtenOn'), children: doc.writtenOn },
          { key: 'released', label: t('doc.releasedOn'), children: doc.releasedOn },
          {
            key: 'issuers',
            label: t('doc.issuers'),
            span: 3,
            children: t('doc.issuerCount', { count: doc.issuers.length }),
          },
        ]}
      />
    </Card>
  );
}
