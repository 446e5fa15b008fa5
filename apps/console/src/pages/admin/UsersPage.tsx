import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { RoleInfo, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { RoleTags } from '../../components/RoleTags';
import { useI18n } from '../../i18n/I18nProvider';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { message } = App.useApp();
  const users = useApi<User[]>('/users');
  const roles = useApi<RoleInfo[]>('/users/roles');
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const setEnabled = async (u: User, enabled: boolean) => {
    try {
      await sendJson('POST', `/users/${u.id}/${enabled ? 'enable' : 'disable'}`);
      users.reload();
    } catch (e) {
      void message.error(describeError(e, i18n).detail);
    }
  };

  return (
    <>
      <PageHeader title={t('users.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('users.add')}</Button>} />
      <ErrorAlert error={users.error} />
      <Card>
        <Table<User>
          rowKey="id"
          loading={users.loading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('field.username'), dataIndex: 'username' },
            { title: t('field.displayName'), dataIndex: 'displayName' },
            { title: t('field.roles'), key: 'roles', render: (_, u) => <RoleTags roles={u.roles} /> },
            { title: t('field.enabled'), key: 'enabled', render: (_, u) => (u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="success">{t('users.enabled')}</Tag>) },
            { title: t('field.created'), key: 'created', render: (_, u) => dateTime(u.createdAt) },
            {
              title: t('field.actions'),
              key: 'actions',
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(u)}>{t('users.edit')}</Button>
                  {u.disabled ? (
                    <Button size="small" onClick={() => void setEnabled(u, true)}>{t('users.enable')}</Button>
                  ) : (
                    <Popconfirm title={t('users.disableConfirm')} onConfirm={() => void setEnabled(u, false)}>
                      <Button size="small" danger>{t('users.disable')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          roles={roles.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
    </>
  );
}
