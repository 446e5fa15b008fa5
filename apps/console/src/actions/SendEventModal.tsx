import { App, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import type { Instance } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLabels } from '../components/useLabels';
import { useI18n } from '../i18n/I18nProvider';
import { actionPlanData, evidenceData, type ActionPlanValues, type EvidenceValues } from './actionData';
import { ActionPlanFields, EvidenceFields, TextStepField } from './ActionFields';
import { callbackData, CallbackFields, concludeData, ConcludeFields, dispatchData, DispatchFields, HandoverFields, handoverData, type ComplaintValues } from './ComplaintFields';
import { missingIntake } from './complaintIntake';
import { eventNeeds, isTextForm, TEXT_FORMS, type DataForm } from './eventNeeds';
import { inputErrors } from './inputErrors';
import { jsonData, JsonField } from './JsonField';
import { FrozenPack, packData, PackFields, type ReviewPack } from './PackFields';
import { planData, PlanFields, type PlanValues } from './PlanFields';
import { reportData, ReportFields, type ReportValues } from './ReportFields';
import { reviewDecisionData, ReviewDecisionFields, type ReviewDecisionValues } from './ReviewDecisionFields';
import { sendEvent, type EventBody } from './sendEvent';
import { SignatureFields } from './SignatureFields';

export interface EventTarget {
  instanceId: string;
  instanceTitle?: string;
  procedure: string;
  state: string;
  event: string;
}

type Values = Partial<PlanValues & ReportValues> &
  ComplaintValues &
  Omit<ActionPlanValues, 'actions'> &
  EvidenceValues & { actions?: string[]; pack?: ReviewPack; period?: string; comment?: string; json?: string; password?: string; meaning?: string } & Record<string, unknown>;

function dataOf(form: DataForm, v: Values): Record<string, unknown> | undefined {
  if (isTextForm(form)) {
    const { field } = TEXT_FORMS[form];
    return { [field]: String(v[field] ?? '').trim() };
  }
  if (form === 'plan') return planData(v as PlanValues);
  if (form === 'report') return reportData(v as ReportValues);
  if (form === 'pack') return packData(v);
  if (form === 'frozenPack') return reviewDecisionData(v as ReviewDecisionValues);
  if (form === 'dispatch') return dispatchData(v);
  if (form === 'handover') return handoverData(v);
  if (form === 'conclude') return concludeData(v);
  if (form === 'callback') return callbackData(v);
  if (form === 'actionPlan') return actionPlanData(v);
  if (form === 'evidence') return evidenceData(v);
  if (form === 'json') return jsonData(v.json);
  return undefined;
}

/** Forms that start from what the instance already records (the intake, the owner, the period, the frozen pack, the item an action was raised from). */
const READS_INSTANCE = new Set<DataForm>(['dispatch', 'actionPlan', 'pack', 'frozenPack', 'evidence']);

/** The form of one outcome. */
function DataFields({ form, target, instance, recompile }: { form: DataForm; target: EventTarget; instance?: Instance; recompile: number }) {
  if (isTextForm(form)) return <TextStepField form={form} />;
  switch (form) {
    case 'plan': return <PlanFields instanceId={target.instanceId} instanceTitle={target.instanceTitle ?? ''} />;
    case 'report': return <ReportFields />;
    case 'pack': return <PackFields recompile={recompile} />;
    case 'frozenPack': return <><FrozenPack pack={instance?.data.pack} /><ReviewDecisionFields /></>;
    case 'dispatch': return <DispatchFields missing={missingIntake(instance?.data)} />;
    case 'handover': return <HandoverFields />;
    case 'conclude': return <ConcludeFields />;
    case 'callback': return <CallbackFields />;
    case 'actionPlan': return <ActionPlanFields />;
    case 'evidence': return <EvidenceFields source={instance?.data.source} />;
    default: return null;
  }
}

/** One dialog for every outcome: the form the outcome needs, a reason, a signature. */
export function SendEventModal({ target, onClose, onSent }: { target: EventTarget; onClose: () => void; onSent: (instance: Instance) => void }) {
  const { t, lang, event: eventLabel } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // a SUBMIT refused for a pack that differs from the server's compilation asks the pack form to compile again
  const [recompile, setRecompile] = useState(0);
  const needs = eventNeeds(target.procedure, labels.stepOf(target.procedure, target.state), target.event);
  const reads = READS_INSTANCE.has(needs.form);
  const loaded = useApi<Instance>(reads ? `/instances/${target.instanceId}` : null);
  const instance = loaded.data;
  // the form starts from the instance's record, so it waits for it
  const waiting = reads && !instance;

  const submit = async () => {
    const v = await form.validateFields();
    const body: EventBody = { type: target.event, comment: v.comment?.trim() || undefined, data: dataOf(needs.form, v) };
    if (needs.signature) body.signature = { password: v.password ?? '', meaning: v.meaning ?? needs.meaning };
    setBusy(true);
    setError(undefined);
    try {
      const sent = await sendEvent(target.instanceId, body);
      void message.success(t('event.done', { state: labels.state(sent.procedure, sent.state) }));
      onSent(sent);
    } catch (e) {
      const refusal = e instanceof ApiError ? e : undefined;
      const { onInputs, rest } = inputErrors(refusal?.details ?? [], needs.inputs, lang);
      form.setFieldValue('password', '');
      form.setFields(onInputs.map((f) => ({ name: f.name, errors: [f.message] })));
      if (onInputs.some((f) => f.name[0] === 'pack')) setRecompile((n) => n + 1);
      // what no input shows stays above the form; a refusal said wholly on its inputs needs no alert
      setError(!refusal ? e : rest.length || !onInputs.length ? new ApiError(refusal.status, refusal.message, rest) : undefined);
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
      okButtonProps={{ danger, loading: busy, disabled: waiting }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        <Tag color="blue">{labels.procedure(target.procedure)}</Tag>
        {target.instanceTitle}
      </Typography.Paragraph>
      <ErrorAlert error={error ?? loaded.error} procedure={target.procedure} />
      {waiting && !loaded.error && <Spin />}
      {!waiting && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            meaning: needs.meaning,
            targetReturnRate: 80,
            channels: ['email', 'phone'],
            findings: [],
            // the owner the opening complaint named, the period the review was started for
            owner: instance?.data.owner ?? undefined,
            period: instance?.data.period ?? undefined,
          }}
        >
          <DataFields form={needs.form} target={target} instance={instance} recompile={recompile} />
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
      )}
    </Modal>
  );
}
