import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { sendJson } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';
import type { TextKey } from '../i18n/dictionary';

export interface NoteButtonProps {
  /** Where `{ note }` is posted. */
  path: string;
  /** The dialog's title. */
  title: string;
  /** The button's and the dialog's action word, the note's label and its required message, the success message. */
  words: { action: TextKey; label: TextKey; required: TextKey; done: TextKey };
  primary?: boolean;
  onDone: () => void;
}

/** A button that asks for one note and posts it: completing a follow-up or escalation task, a note on an instance. */
export function NoteButton({ path, title, words, primary, onDone }: NoteButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ note: string }>();

  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await sendJson('POST', path, { note });
      setOpen(false);
      form.resetFields();
      void message.success(t(words.done));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type={primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {t(words.action)}
      </Button>
      <Modal open={open} title={title} okText={t(words.action)} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="note" label={t(words.label)} rules={[{ required: true, whitespace: true, message: t(words.required) }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
