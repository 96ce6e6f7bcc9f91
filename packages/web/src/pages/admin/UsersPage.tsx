// 用户管理 (admin): the users, creating one (with a generated password shown once), granting roles, disabling.
import { useState } from 'react';
import { App, Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/admin.ts';
import type { CreateUserResponse } from '../../api/types.ts';
import { useSession } from '../../auth/session.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { UserTable } from './UserTable.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { GrantRoleModal } from './GrantRoleModal.tsx';
import { GeneratedPasswordModal } from './GeneratedPasswordModal.tsx';

export default function UsersPage() {
  const { t } = useTranslation('users');
  const users = useUsers();
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreateUserResponse | null>(null);
  const [granting, setGranting] = useState<string | null>(null);
  const { message } = App.useApp();

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('create.action')}
        </Button>
      </Flex>
      <Card size="small">
        <QueryState
          isPending={users.isPending}
          error={users.error}
          isEmpty={users.data?.length === 0}
          onRetry={() => void users.refetch()}
        >
          <UserTable users={users.data ?? []} currentUser={user?.username} onGrant={setGranting} />
        </QueryState>
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          if (r.generatedPassword) setCreated(r);
          else void message.success(t('create.done', { username: r.username }));
        }}
      />
      <GeneratedPasswordModal result={created} onClose={() => setCreated(null)} />
      <GrantRoleModal username={granting} onClose={() => setGranting(null)} />
    </div>
  );
}
