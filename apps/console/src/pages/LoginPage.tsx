import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError } from '../api/client';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setFailed(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      // a refused login is the dictionary's sentence in the user's language; anything else (429, network) says what it is
      setFailed(e instanceof ApiError && e.status === 401 ? t('login.failed') : e instanceof Error ? e.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex className="sf-login" vertical align="center" justify="center">
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card className="sf-login-card" variant="borderless">
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <div className="sf-logo-lg">S</div>
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('appName')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('tagline')}
          </Typography.Text>
        </Flex>
        {failed && <Alert type="error" showIcon title={failed} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" size="large" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" rules={[{ required: true, message: t('login.username') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('login.username')} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: t('login.password') }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('login.password')} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
