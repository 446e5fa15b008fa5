import { Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { query } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileImport } from '../../components/FileImport';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';

const IMPORTERS = ['coordinator', 'survey_manager', 'process_owner', 'admin'];

/** The customer service files: searchable list and the all-or-nothing file import. */
export function CustomersPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [search, setSearch] = useState('');
  const customers = useApi<Customer[]>(`/customers${query({ search })}`);
  return (
    <>
      <PageHeader title={t('customer.title')} subtitle={t('customer.subtitle')} />
      {hasRole(...IMPORTERS) && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <FileImport<{ imported: number; created: number; updated: number }>
            path="/customers/import"
            label={t('customer.import')}
            describe={(r) => t('customer.imported', { n: r.imported, created: r.created, updated: r.updated })}
            onDone={customers.reload}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('customer.columnsHint')}</Typography.Paragraph>
        </Card>
      )}
      <ErrorAlert error={customers.error} />
      <Card>
        <Input.Search allowClear placeholder={t('customer.searchPlaceholder')} onSearch={setSearch} style={{ maxWidth: 320, marginBottom: 16 }} />
        <Table<Customer>
          rowKey="id"
          size="small"
          loading={customers.loading}
          dataSource={customers.data ?? []}
          pagination={{ pageSize: 15, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: t('customer.code'), dataIndex: 'code', width: 110 },
            { title: t('customer.name'), dataIndex: 'name' },
            { title: t('customer.contact'), dataIndex: 'contact' },
            { title: t('customer.email'), dataIndex: 'email' },
            { title: t('customer.phone'), dataIndex: 'phone' },
            { title: t('customer.productType'), dataIndex: 'productType' },
            { title: t('customer.region'), dataIndex: 'region' },
            { title: t('customer.customerType'), dataIndex: 'customerType' },
          ]}
        />
      </Card>
    </>
  );
}
