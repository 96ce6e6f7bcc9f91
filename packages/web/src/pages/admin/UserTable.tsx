// The users: name, roles with scope, status, dates, and the actions grant and disable.
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useDisableUser } from '../../api/admin.ts';
import type { UserSummary } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { RoleTags } from './RoleTags.tsx';
import { useScopeNames } from './use-scope-names.ts';

interface Props {
  users: UserSummary[];
  currentUser: string | undefined;
  onGrant: (username: string) => void;
}

export function UserTable({ users, currentUser, onGrant }: Props) {
  const { t } = useTranslation('users');
  const scopeNames = useScopeNames();
  const disable = useDisableUser();
  const { message } = App.useApp();
  const columns: ColumnsType<UserSummary> = [
    {
      title: t('col.username'),
      width: 200,
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.username}</Typography.Text>
          {u.displayName && u.displayName !== u.username && (
            <div style={{ color: '#8c8c8c', fontSize: 12 }}>{u.displayName}</div>
          )}
        </div>
      ),
    },
    {
      title: t('col.roles'),
      render: (_, u) => (
        <RoleTags
          username={u.username}
          roles={u.roles}
          scopeNames={scopeNames}
          editable={!u.disabled}
          isProtected={(g) => u.username === currentUser && g.role === 'admin'}
        />
      ),
    },
    {
      title: t('col.status'),
      width: 170,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? (
            <Tag color="default">{t('status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('status.active')}</Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('status.mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('col.createdAt'), width: 150, render: (_, u) => formatDateTime(u.createdAt) },
    { title: t('col.lastLoginAt'), width: 150, render: (_, u) => formatDateTime(u.lastLoginAt) },
    {
      title: t('col.actions'),
      width: 170,
      render: (_, u) =>
        u.disabled ? null : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onGrant(u.username)}>
              {t('grant.action')}
            </Button>
            {u.username !== currentUser && (
              <Popconfirm
                title={t('disable.confirm', { username: u.username })}
                okText={t('disable.ok')}
                cancelText={t('cancel')}
                onConfirm={() =>
                  disable.mutateAsync(u.username).then(
                    () => void message.success(t('disable.done', { username: u.username })),
                    (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
                  )
                }
              >
                <Button type="link" size="small" danger>
                  {t('disable.action')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Table<UserSummary>
      rowKey="username"
      columns={columns}
      dataSource={users}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      size="middle"
    />
  );
}
