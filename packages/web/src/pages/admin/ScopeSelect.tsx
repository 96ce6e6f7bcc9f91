// The scope of a role: an org-unit subtree, or a lead unit for task_owner.
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitNode } from '@scimon/contracts';
import { useLeadUnits, useOrgUnitTree } from '../../api/catalogue.ts';

interface Props {
  role: string | undefined;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: readonly OrgUnitNode[], en: boolean): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${en ? n.nameEn : n.nameZh} (${n.code})`,
    children: toOptions(n.children, en),
  }));
}

export function ScopeSelect({ role, value, onChange, id }: Props) {
  const { t, i18n } = useTranslation('users');
  const en = i18n.language === 'en-US';
  const tree = useOrgUnitTree();
  const leads = useLeadUnits();
  if (role === 'task_owner') {
    return (
      <Select
        id={id}
        value={value}
        onChange={onChange}
        showSearch
        optionFilterProp="label"
        placeholder={t('form.leadUnitPlaceholder')}
        loading={leads.isPending}
        options={(leads.data ?? []).map((u) => ({
          value: u.code,
          label: `${en ? u.nameEn : u.shortName} (${u.code})`,
        }))}
      />
    );
  }
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={t('form.orgUnitPlaceholder')}
      loading={tree.isPending}
      treeData={toOptions(tree.data ?? [], en)}
      listHeight={360}
    />
  );
}
