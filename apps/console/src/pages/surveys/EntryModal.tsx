import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { Questionnaire, Recipient } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';
import { AnswerFields, answersOf } from './AnswerFields';

const ENTRY_CHANNELS = ['phone', 'fax', 'visit', 'paper'] as const;

interface EntryValues {
  recipientId: string;
  channel: string;
  answers?: Record<string, string | undefined>;
  comment?: string;
}

/** The coordinator types in an answer taken by phone, fax, visit or on paper. */
export function EntryModal({ surveyId, questionnaire, recipients, onClose, onEntered }: { surveyId: string; questionnaire: Questionnaire; recipients: Recipient[]; onClose: () => void; onEntered: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const open = recipients.filter((r) => r.status !== 'answered');

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await sendJson('POST', `/surveys/${surveyId}/responses`, { recipientId: v.recipientId, channel: v.channel, answers: answersOf(v.answers), comment: v.comment?.trim() || undefined });
      void message.success(t('entry.saved'));
      onEntered();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={760} title={t('entry.title')} okText={t('common.save')} okButtonProps={{ loading: busy }} onOk={() => void save().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ channel: 'phone' }}>
        <Form.Item name="recipientId" label={t('surveys.name')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={open.map((r) => ({ value: r.id, label: `${r.name}${r.phone ? ` · ${r.phone}` : ''}` }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('surveys.channel')} rules={[{ required: true }]}>
          <Select options={ENTRY_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as TextKey) }))} />
        </Form.Item>
        <AnswerFields questionnaire={questionnaire} />
        <Form.Item name="comment" label={t('entry.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
