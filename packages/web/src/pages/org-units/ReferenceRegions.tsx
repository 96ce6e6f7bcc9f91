// Reference regions (全国, provinces, cities): context only, listed apart from the tree.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReferenceRegion } from '@scimon/contracts';

export function ReferenceRegions({ regions }: { regions: ReferenceRegion[] }) {
  const { t, i18n } = useTranslation('orgUnits');
  const en = i18n.language === 'en-US';
  const columns: ColumnsType<ReferenceRegion> = [
    { title: t('ref.code'), dataIndex: 'code', width: 140 },
    { title: t('ref.name'), render: (_, r) => (en ? r.nameEn : r.nameZh) },
    {
      title: t('ref.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: string) => <Tag>{t(`refKind.${k}`, { defaultValue: k })}</Tag>,
    },
  ];
  return (
    <Table<ReferenceRegion>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={regions}
      pagination={false}
    />
  );
}
