import { Card, Table, Tag } from 'antd';
import { useApi } from '../../api/useApi';
import type { RoleInfo } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';

export function RolesPage() {
  const { t } = useI18n();
  const roles = useApi<RoleInfo[]>('/users/roles');
  return (
    <>
      <PageHeader title={t('roles.title')} subtitle={t('roles.subtitle')} />
      <ErrorAlert error={roles.error} />
      <Card>
        <Table<RoleInfo>
          rowKey="key"
          loading={roles.loading}
          dataSource={roles.data ?? []}
          pagination={false}
          columns={[
            { title: t('field.key'), key: 'key', render: (_, r) => <Tag>{r.key}</Tag> },
            { title: '中文', key: 'zh', render: (_, r) => r.title.zh },
            { title: 'English', key: 'en', render: (_, r) => r.title.en },
          ]}
        />
      </Card>
    </>
  );
}
