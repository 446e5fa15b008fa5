import { Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { query } from '../../api/client';
import { useApi } from '../../api/useApi';
import { usePeople } from '../../api/usePeople';
import type { Page, SecurityEvent } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import type { TextKey } from '../../i18n/dictionary';

const PAGE_SIZE = 20;
const KINDS = ['login.failed', 'login.locked', 'signature.failed', 'signature.locked'] as const;

/** The security log (GET /security-events): failed logins and signatures, for auditors and the administrator. */
export function SecurityLogCard() {
  const { t, dateTime } = useI18n();
  const person = usePeople();
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const events = useApi<Page<SecurityEvent>>(`/security-events${query({ kind, page, pageSize: PAGE_SIZE })}`);
  const kindLabel = (k: string) => t(`security.kind.${k}` as TextKey);
  return (
    <Card title={t('security.title')} style={{ marginTop: 16 }}>
      <ErrorAlert error={events.error} />
      <Select
        allowClear
        placeholder={t('security.kind')}
        style={{ width: 220, marginBottom: 16 }}
        value={kind}
        onChange={(v) => { setKind(v); setPage(1); }}
        options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
      />
      <Table<SecurityEvent>
        rowKey="id"
        size="middle"
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: events.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('field.when'), key: 'at', render: (_, e) => dateTime(e.at), width: 150 },
          { title: t('security.kind'), key: 'kind', render: (_, e) => <Tag color={e.kind.endsWith('locked') ? 'red' : 'orange'}>{kindLabel(e.kind)}</Tag> },
          // a username typed at login may name nobody: shown as typed
          { title: t('field.who'), key: 'who', render: (_, e) => (e.userId ? person(e.username) : e.username) },
          { title: t('security.reason'), key: 'reason', render: (_, e) => (e.reason ? t(`security.reason.${e.reason}` as TextKey) : '') },
          { title: t('field.instance'), key: 'instance', render: (_, e) => (e.instanceId ? <Link to={`/instances/${e.instanceId}`}>{e.instanceId.slice(0, 8)}</Link> : '') },
          { title: t('security.ip'), dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
