import { App, Button, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { Recipient } from '../../api/types';
import type { TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';

const STATUS_COLORS: Record<string, string> = { answered: 'success', invited: 'processing', reminded: 'processing', followed_up: 'cyan', pending: 'default', bounced: 'error' };

/** Records the phone call made to a recipient who has not answered (within 3 days of sending). */
function FollowUpButton({ surveyId, recipient, onDone }: { surveyId: string; recipient: Recipient; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const save = async () => {
    await sendJson('POST', `/surveys/${surveyId}/recipients/${recipient.id}/follow-up`, { note });
    void message.success(t('followUp.saved'));
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('followUp.record')}</Button>
      <Modal open={open} title={`${t('followUp.record')} · ${recipient.name}`} okButtonProps={{ disabled: !note.trim() }} onOk={() => void save().catch((e: Error) => message.error(e.message))} onCancel={() => setOpen(false)} destroyOnHidden>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('followUp.placeholder')} />
      </Modal>
    </>
  );
}

/** Invitation status per recipient; follow-up clock and the call record for those who have not answered. */
export function RecipientsTable({ surveyId, recipients, canFollowUp, onChange, onlyOverdue }: { surveyId: string; recipients: Recipient[]; canFollowUp: boolean; onChange: () => void; onlyOverdue?: boolean }) {
  const { t, dateTime } = useI18n();
  const rows = onlyOverdue ? recipients.filter((r) => r.followUpOverdue) : recipients;
  return (
    <Table<Recipient>
      rowKey="id"
      size="small"
      dataSource={rows}
      rowClassName={(r) => (r.followUpOverdue ? 'sf-row-overdue' : '')}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('surveys.name'), dataIndex: 'name' },
        { title: t('surveys.channel'), key: 'channel', render: (_, r) => t(`channel.${r.channel}` as TextKey) },
        { title: t('customer.productType'), dataIndex: 'productType' },
        { title: t('customer.region'), dataIndex: 'region' },
        { title: t('surveys.invitation'), key: 'status', render: (_, r) => <Tag color={STATUS_COLORS[r.status] ?? 'default'}>{t(`recipient.${r.status}` as TextKey)}</Tag> },
        { title: t('surveys.invitedAt'), key: 'invitedAt', render: (_, r) => dateTime(r.invitedAt) },
        {
          title: t('followUp.due'),
          key: 'followUp',
          render: (_, r) => (r.status === 'answered' || !r.followUpDueAt ? null : <>{dateTime(r.followUpDueAt)} {r.followUpOverdue && <Tag color="error">{t('tag.overdue')}</Tag>}</>),
        },
        { title: t('surveys.answeredAt'), key: 'answeredAt', render: (_, r) => dateTime(r.answeredAt) },
        ...(canFollowUp
          ? [{ title: '', key: 'act', render: (_: unknown, r: Recipient) => (r.status !== 'answered' && r.invitedAt ? <FollowUpButton surveyId={surveyId} recipient={r} onDone={onChange} /> : null) }]
          : []),
      ]}
    />
  );
}
