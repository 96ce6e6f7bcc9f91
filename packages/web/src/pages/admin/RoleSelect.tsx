import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types.ts';

export function RoleSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={ROLES.map((r) => ({ value: r, label: `${t(`roles.${r}`)} (${r})` }))}
    />
  );
}
