import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { download, query } from '../../api/client';
import { useApi } from '../../api/useApi';
import { usePeople } from '../../api/usePeople';
import type { AuditRecord, Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError } from '../../components/errors';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { SignatureTag } from '../../components/SignatureTag';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { SecurityLogCard } from './SecurityLogCard';
import { VerifyBadge } from './VerifyBadge';
import { useAuth } from '../../auth/AuthProvider';

const PAGE_SIZE = 50;

export function AuditPage() {
  const i18n = useI18n();
  const { t, role, event, dateTime } = i18n;
  const person = usePeople();
  const labels = useLabels();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const records = useApi<Page<AuditRecord>>(`/audit${query({ ...filter, page, pageSize: PAGE_SIZE })}`);
  const exportAs = (format: 'csv' | 'json') =>
    download(`/audit/export${query({ ...filter, format })}`, `satisflow-audit.${format}`).catch((e: unknown) => message.error(describeError(e, i18n).detail));

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>{t('audit.exportCsv')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('json')}>{t('audit.exportJson')}</Button>
          </>
        }
      />
      <VerifyBadge />
      <ErrorAlert error={records.error} />
      <Card>
        <AuditFilters onSearch={(f) => { setFilter(f); setPage(1); }} />
        <Table<AuditRecord>
          rowKey="seq"
          size="middle"
          loading={records.loading}
          dataSource={records.data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: records.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 64 },
            { title: t('field.when'), key: 'at', render: (_, r) => dateTime(r.at), width: 150 },
            { title: t('field.who'), key: 'who', render: (_, r) => <>{person(r.actor.username)}<div className="sf-muted">{role(r.actor.role)}</div></> },
            { title: t('field.instance'), key: 'instance', render: (_, r) => <Link to={`/instances/${r.instanceId}`}>{r.instanceId.slice(0, 8)}</Link> },
            { title: t('field.event'), key: 'event', render: (_, r) => <Tag>{event(r.event)}</Tag> },
            { title: t('field.transition'), key: 'tr', render: (_, r) => { const p = r.procedure?.key ?? ''; return `${labels.state(p, r.fromState) || '—'} → ${labels.state(p, r.toState)}`; } },
            { title: t('field.comment'), key: 'comment', render: (_, r) => <>{r.comment}{r.signatureMeaning && <SignatureTag meaning={r.signatureMeaning} />}</> },
            { title: t('field.hash'), key: 'hash', render: (_, r) => <Tooltip title={r.hash}><Typography.Text code>{r.hash.slice(0, 10)}</Typography.Text></Tooltip> },
          ]}
        />
      </Card>
      {hasRole('auditor', 'admin') && <SecurityLogCard />}
    </>
  );
}
