import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { RoleGrant, RoleInfo, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  roles: RoleGrant[];
}

/** Creates a user (no `user`) or edits one: name, password, roles with optional scope. */
export function UserFormModal({ user, roles, onClose, onSaved }: { user?: User; roles: RoleInfo[]; onClose: () => void; onSaved: () => void }) {
  const { t, local } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    const grants = v.roles.filter((g) => g.role).map((g) => (g.scope?.trim() ? { role: g.role, scope: g.scope.trim() } : { role: g.role }));
    const body = { displayName: v.displayName.trim(), roles: grants, ...(v.password ? { password: v.password } : {}) };
    setBusy(true);
    try {
      if (user) await sendJson('PATCH', `/users/${user.id}`, body);
      else await sendJson('POST', '/users', { ...body, username: v.username.trim() });
      void message.success(t('users.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={600} title={user ? t('users.edit') : t('users.add')} onOk={() => void submit().catch(() => undefined)} okButtonProps={{ loading: busy }} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ username: user?.username, displayName: user?.displayName, roles: user?.roles ?? [{ role: undefined }] }}>
        <Form.Item name="username" label={t('field.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/ }]}>
          <Input disabled={!!user} />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={user ? t('users.newPassword') : t('users.password')} rules={[{ required: !user, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('field.roles')}>
          <Form.List name="roles">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'role']} noStyle rules={[{ required: true }]}>
                      <Select style={{ flex: 2 }} options={roles.map((r) => ({ value: r.key, label: `${local(r.title)} (${r.key})` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'scope']} noStyle>
                      <Input style={{ flex: 1 }} placeholder={t('field.scope')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('field.roles')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
