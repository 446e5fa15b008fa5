import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { query } from '../api/client';
import { useApi } from '../api/useApi';
import type { Instance, InstanceStatus, Page } from '../api/types';
import { useProcedures } from '../api/useProcedures';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { StatusTag } from '../components/StatusTag';
import { useLabels } from '../components/useLabels';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../router';
import { StartProcedureModal, useStartable } from './StartProcedureModal';

const PAGE_SIZE = 20;

export function InstancesPage() {
  const { t, local, dateTime } = useI18n();
  const labels = useLabels();
  const { list } = useProcedures();
  const startable = useStartable();
  const [procedure, setProcedure] = useState<string>();
  const [status, setStatus] = useState<InstanceStatus>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [starting, setStarting] = useState(false);
  const instances = useApi<Page<Instance>>(`/instances${query({ procedure, status, q, page, pageSize: PAGE_SIZE })}`);

  return (
    <>
      <PageHeader
        title={t('instances.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={instances.reload}>{t('common.refresh')}</Button>
            {startable.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>{t('instances.start')}</Button>}
          </>
        }
      />
      <ErrorAlert error={instances.error} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder={t('instances.filterProcedure')} style={{ width: 260, maxWidth: '100%' }} value={procedure} onChange={(v: string | undefined) => { setProcedure(v); setPage(1); }}
            options={list.map((p) => ({ value: p.key, label: local(p.title) }))} />
          <Input.Search allowClear placeholder={t('instances.search')} style={{ width: 240, maxWidth: '100%' }} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
          <Select allowClear placeholder={t('instances.filterStatus')} style={{ width: 160 }} value={status} onChange={(v: InstanceStatus | undefined) => { setStatus(v); setPage(1); }}
            options={(['active', 'completed', 'cancelled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Space>
        <Table<Instance>
          rowKey="id"
          loading={instances.loading}
          dataSource={instances.data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: instances.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: t('field.title'), key: 'title', render: (_, r) => <Link to={`/instances/${r.id}`}>{r.title}</Link> },
            { title: t('field.procedure'), key: 'procedure', render: (_, r) => labels.procedure(r.procedure) },
            { title: t('field.state'), key: 'state', render: (_, r) => <Tag color="blue">{labels.state(r.procedure, r.state)}</Tag> },
            { title: t('field.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
            { title: t('field.updated'), key: 'updated', render: (_, r) => dateTime(r.updatedAt) },
          ]}
        />
      </Card>
      {starting && <StartProcedureModal onClose={() => setStarting(false)} onStarted={(i) => navigate(`/instances/${i.id}`)} />}
    </>
  );
}
