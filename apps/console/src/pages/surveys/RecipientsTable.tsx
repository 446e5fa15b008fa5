import { Table, Tag } from 'antd';
import type { Recipient } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

const STATUS_COLORS: Record<string, string> = { answered: 'success', responded: 'success', sent: 'processing', invited: 'processing', pending: 'default', failed: 'error' };

function statusOf(r: Recipient): string {
  if (r.status) return r.status;
  if (r.answeredAt) return 'answered';
  return r.invitedAt ? 'sent' : 'pending';
}

export function RecipientsTable({ recipients }: { recipients: Recipient[] }) {
  const { t, dateTime } = useI18n();
  return (
    <Table<Recipient>
      rowKey="id"
      size="small"
      dataSource={recipients}
      pagination={{ pageSize: 10 }}
      columns={[
        { title: t('surveys.name'), dataIndex: 'name' },
        { title: t('surveys.channel'), key: 'channel', render: (_, r) => r.channel },
        { title: t('surveys.invitation'), key: 'status', render: (_, r) => <Tag color={STATUS_COLORS[statusOf(r)] ?? 'default'}>{statusOf(r)}</Tag> },
        { title: t('field.when'), key: 'at', render: (_, r) => dateTime(r.answeredAt ?? r.invitedAt ?? null) },
      ]}
    />
  );
}
