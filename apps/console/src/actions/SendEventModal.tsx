import { App, Form, Input, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import type { Instance, Survey } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLabels } from '../components/useLabels';
import { useI18n } from '../i18n/I18nProvider';
import { callbackData, CallbackFields, concludeData, ConcludeFields, dispatchData, DispatchFields, type ComplaintValues } from './ComplaintFields';
import { eventNeeds } from './eventNeeds';
import { inputErrors } from './inputErrors';
import { jsonData, JsonField } from './JsonField';
import { packData, PackFields, type ReviewPack } from './PackFields';
import { planData, PlanFields, type PlanValues } from './PlanFields';
import { reportData, ReportFields, type ReportValues } from './ReportFields';
import { sendEvent, type EventBody } from './sendEvent';
import { SignatureFields } from './SignatureFields';

export interface EventTarget {
  instanceId: string;
  instanceTitle?: string;
  procedure: string;
  state: string;
  event: string;
}

type Values = Partial<PlanValues & ReportValues> & ComplaintValues & { pack?: ReviewPack; period?: string; comment?: string; json?: string; password?: string; meaning?: string };

function dataOf(form: string, v: Values): Record<string, unknown> | undefined {
  if (form === 'plan') return planData(v as PlanValues);
  if (form === 'report') return reportData(v as ReportValues);
  if (form === 'pack') return packData(v);
  if (form === 'dispatch') return dispatchData(v);
  if (form === 'conclude') return concludeData(v);
  if (form === 'callback') return callbackData(v);
  if (form === 'json') return jsonData(v.json);
  return undefined;
}

/** One dialog for every outcome: the form the outcome needs, a reason, a signature. */
export function SendEventModal({ target, onClose, onSent }: { target: EventTarget; onClose: () => void; onSent: (instance: Instance) => void }) {
  const { t, event: eventLabel } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const needs = eventNeeds(target.procedure, labels.stepOf(target.procedure, target.state), target.event);
  // the plan names the questionnaire attached to it while planning
  const surveys = useApi<Survey[]>(needs.form === 'plan' ? `/surveys?instanceId=${target.instanceId}` : null);
  const surveyId = surveys.data?.[0]?.id;
  useEffect(() => {
    if (surveyId && !form.getFieldValue('survey')) form.setFieldValue('survey', surveyId);
  }, [surveyId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: EventBody = { type: target.event, comment: v.comment?.trim() || undefined, data: dataOf(needs.form, v) };
    if (needs.signature) body.signature = { password: v.password ?? '', meaning: v.meaning ?? needs.meaning };
    setBusy(true);
    setError(undefined);
    try {
      const instance = await sendEvent(target.instanceId, body);
      void message.success(t('event.done', { state: labels.state(instance.procedure, instance.state) }));
      onSent(instance);
    } catch (e) {
      const onInputs = inputErrors(e instanceof ApiError ? e.details : []);
      form.setFieldValue('password', '');
      form.setFields(onInputs.map((f) => ({ name: f.name, errors: [t(f.message)] })));
      setError(onInputs.length ? undefined : e);
    } finally {
      setBusy(false);
    }
  };

  const danger = target.event === 'REJECT' || target.event.startsWith('CALLBACK_DIS') || target.event === 'INEFFECTIVE';
  return (
    <Modal
      open
      width={needs.form === 'none' ? 520 : 680}
      title={`${labels.state(target.procedure, target.state)} · ${eventLabel(target.event)}`}
      okText={eventLabel(target.event)}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        <Tag color="blue">{labels.procedure(target.procedure)}</Tag>
        {target.instanceTitle}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ meaning: needs.meaning, targetReturnRate: 80, channels: ['email', 'phone'], findings: [] }}>
        {needs.form === 'plan' && <PlanFields />}
        {needs.form === 'report' && <ReportFields />}
        {needs.form === 'pack' && <PackFields />}
        {needs.form === 'dispatch' && <DispatchFields />}
        {needs.form === 'conclude' && <ConcludeFields />}
        {needs.form === 'callback' && <CallbackFields />}
        <Form.Item
          name="comment"
          label={t('event.comment')}
          extra={needs.commentRequired ? t('event.commentRequired') : undefined}
          rules={needs.commentRequired ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {needs.form === 'json' && <JsonField />}
        {needs.signature && <SignatureFields meaning={needs.meaning} />}
      </Form>
    </Modal>
  );
}
