// A user's roles with their scopes; a tag's close button revokes it after confirmation.
import { App, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevokeRole } from '../../api/admin.ts';
import type { RoleGrant } from '../../api/types.ts';

interface Props {
  username: string;
  roles: RoleGrant[];
  scopeNames: ReadonlyMap<string, string>;
  editable: boolean;
  /** Grants that may not be revoked here (one's own admin role). */
  isProtected?: (grant: RoleGrant) => boolean;
}

export function RoleTags({ username, roles, scopeNames, editable, isProtected }: Props) {
  const { t } = useTranslation('users');
  const revoke = useRevokeRole();
  const { modal, message } = App.useApp();
  const confirmRevoke = (grant: RoleGrant, label: string) =>
    void modal.confirm({
      title: t('revoke.confirm', { username, role: label }),
      okText: t('revoke.ok'),
      cancelText: t('cancel'),
      onOk: () =>
        revoke.mutateAsync({ username, grant }).catch((e: unknown) => {
          void message.error(e instanceof Error ? e.message : String(e));
        }),
    });
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {roles.map((g) => {
        const label = `${t(`common:roles.${g.role}`, { defaultValue: g.role })} · ${scopeNames.get(g.scope) ?? g.scope}`;
        return (
          <Tooltip key={`${g.role}/${g.scope}`} title={`${g.role} @ ${g.scope}`}>
            <Tag
              color={g.role === 'admin' ? 'red' : 'blue'}
              closable={editable && !isProtected?.(g)}
              onClose={(e) => {
                e.preventDefault();
                confirmRevoke(g, label);
              }}
              style={{ marginInlineEnd: 0 }}
            >
              {label}
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}
