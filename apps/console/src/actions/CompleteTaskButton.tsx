import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { sendJson } from '../api/client';
import type { Task } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Follow-up calls and escalations are not steps of the machine: they have no
 * outcomes, they are done with a note of what was done (POST /tasks/:id/complete).
 */
export function CompleteTaskButton({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t, local } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ note: string }>();

  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await sendJson('POST', `/tasks/${task.id}/complete`, { note });
      setOpen(false);
      form.resetFields();
      void message.success(t('task.completed'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('task.complete')}
      </Button>
      <Modal open={open} title={local(task.title)} okText={t('task.complete')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="note" label={t('task.note')} rules={[{ required: true, whitespace: true, message: t('task.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
