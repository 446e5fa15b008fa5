import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { sendJson } from '../api/client';
import type { Instance } from '../api/types';
import { useProcedures } from '../api/useProcedures';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';
import { startBody, type StartValues } from './startData';
import { StartFields } from './StartFields';

/** Procedures whose first step belongs to one of the caller's roles: those they may start. */
export function useStartable(): string[] {
  const { details } = useProcedures();
  const { hasRole } = useAuth();
  return Object.values(details)
    .filter((d) => hasRole(...(d.starters ?? [])))
    .map((d) => d.key);
}

export function StartProcedureModal({ onClose, onStarted, initialProcedure }: { onClose: () => void; onStarted: (i: Instance) => void; initialProcedure?: string }) {
  const { t, local } = useI18n();
  const { list } = useProcedures();
  const startable = useStartable();
  const { message } = App.useApp();
  const [form] = Form.useForm<StartValues>();
  const initial = initialProcedure ?? startable[0];
  // useWatch is undefined until the form has rendered once: without the fallback, an OK pressed
  // that early validated the form without the procedure's start fields and sent it incomplete
  const procedure = Form.useWatch('procedure', form) ?? initial;
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const instance = await sendJson<Instance>('POST', '/instances', startBody(v));
      void message.success(t('start.done'));
      onStarted(instance);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('start.title')} onOk={() => void submit().catch(() => undefined)} okButtonProps={{ loading: busy }} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ procedure: initial }}>
        <Form.Item name="procedure" label={t('start.procedure')} rules={[{ required: true }]}>
          <Select options={list.filter((p) => startable.includes(p.key)).map((p) => ({ value: p.key, label: local(p.title) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('start.titleField')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input placeholder={t('start.titlePlaceholder')} />
        </Form.Item>
        <StartFields procedure={procedure} />
      </Form>
    </Modal>
  );
}
