import {
  AlertOutlined,
  AuditOutlined,
  ContactsOutlined,
  FundProjectionScreenOutlined,
  ToolOutlined,
  BarChartOutlined,
  CalendarOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

/** Roles that may read the whole audit trail (the API's READERS). */
export const AUDIT_READERS = ['auditor', 'admin', 'process_owner', 'quality', 'management_rep', 'general_manager'];

function useMenu(): MenuProps['items'] {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  return [
    { key: '/inbox', icon: <InboxOutlined />, label: t('nav.inbox') },
    { key: '/instances', icon: <NodeIndexOutlined />, label: t('nav.instances') },
    { key: '/surveys', icon: <BarChartOutlined />, label: t('nav.surveys') },
    { key: '/customers', icon: <ContactsOutlined />, label: t('nav.customers') },
    { key: '/complaints', icon: <AlertOutlined />, label: t('nav.complaints') },
    { key: '/actions', icon: <ToolOutlined />, label: t('nav.actions') },
    { key: '/reviews', icon: <FundProjectionScreenOutlined />, label: t('nav.reviews') },
    { key: '/procedures', icon: <PartitionOutlined />, label: t('nav.procedures') },
    ...(hasRole(...AUDIT_READERS) ? [{ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') }] : []),
    ...(hasRole('admin')
      ? [
          {
            key: 'admin',
            icon: <SettingOutlined />,
            label: t('nav.admin'),
            children: [
              { key: '/admin/users', icon: <UserOutlined />, label: t('nav.users') },
              { key: '/admin/roles', icon: <TeamOutlined />, label: t('nav.roles') },
              { key: '/admin/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') },
            ],
          },
        ]
      : []),
  ];
}

/** Dark side menu, header with language switch and the signed-in user. */
export function AppLayout({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useI18n();
  const items = useMenu();
  const selected = '/' + path.split('/').filter(Boolean).slice(0, path.startsWith('/admin') ? 2 : 1).join('/');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64}>
        <Flex align="center" gap={10} className="sf-brand">
          <div className="sf-logo">S</div>
          <span className="sf-brand-text">{t('appShort')}</span>
        </Flex>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} defaultOpenKeys={['admin']} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="sf-header">
          <Typography.Text className="sf-header-title">{t('appName')}</Typography.Text>
          <Flex align="center" gap={8} className="sf-header-actions">
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="sf-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
