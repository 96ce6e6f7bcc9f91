// The 一城多园 tree with level and kind tags; sites and planning areas are marked as never rolled up.
import { Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { OrgUnitNode } from '@scimon/contracts';

const KIND_COLOURS: Record<string, string> = { site: 'orange', planning_area: 'purple' };

function UnitTitle({ node }: { node: OrgUnitNode }) {
  const { t, i18n } = useTranslation('orgUnits');
  const en = i18n.language === 'en-US';
  return (
    <span className="unit-title">
      <span>{en ? node.nameEn : node.nameZh}</span>
      <Typography.Text type="secondary" className="unit-code">
        {node.code}
      </Typography.Text>
      <Tag bordered={false} color="blue">
        {t(`level.${node.level}`, { defaultValue: node.level })}
      </Tag>
      {node.kind !== 'area' && (
        <Tooltip title={t('kind.noRollUp')}>
          <Tag color={KIND_COLOURS[node.kind] ?? 'default'}>
            {t(`kind.${node.kind}`, { defaultValue: node.kind })}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

function toTreeData(nodes: readonly OrgUnitNode[]): DataNode[] {
  return nodes.map((n) => ({ key: n.code, title: <UnitTitle node={n} />, children: toTreeData(n.children) }));
}

export function OrgUnitTree({ roots }: { roots: readonly OrgUnitNode[] }) {
  return (
    <Tree
      className="unit-tree"
      treeData={toTreeData(roots)}
      defaultExpandAll
      selectable={false}
      blockNode
      showLine
    />
  );
}
