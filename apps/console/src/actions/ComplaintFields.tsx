import { Checkbox, Form, Input, Rate, Select } from 'antd';
import { PersonSelect } from '../components/PersonSelect';
import { useI18n } from '../i18n/I18nProvider';
import { COMPLAINT_CHANNELS, intakeData, type IntakeField } from './complaintIntake';

const CLASSIFICATION = ['qualityAccident', 'legalLiability', 'mediaExposure'] as const;

export interface ComplaintValues {
  handler?: string;
  customer?: string;
  channel?: string;
  description?: string;
  majorWorks?: boolean;
  conclusion?: string;
  classification?: string[];
  openCorrectiveAction?: boolean;
  score?: number;
}

/** The complaint record's customer, channel and description: at the start, or at dispatch for what the start left out (`required`). */
export function IntakeFields({ required, hint }: { required: readonly IntakeField[]; hint?: string }) {
  const { t } = useI18n();
  const rules = (f: IntakeField) => (required.includes(f) ? [{ required: true, whitespace: true }] : []);
  return (
    <>
      <Form.Item name="customer" label={t('complaint.customer')} extra={hint} rules={rules('customer')}>
        <Input />
      </Form.Item>
      <Form.Item name="channel" label={t('complaint.channel')} rules={rules('channel')}>
        <Select allowClear options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('complaint.description')} rules={rules('description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/**
 * DISPATCH: the responsible handler, and what the complaint record still lacks (the server
 * refuses the dispatch while customer, channel or description is missing from the record).
 */
export function DispatchFields({ missing }: { missing: readonly IntakeField[] }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="handler" label={t('complaint.handler')} extra={t('complaint.handlerHint')} rules={[{ required: true }]}>
        <PersonSelect />
      </Form.Item>
      <IntakeFields required={missing} hint={missing.length ? t('complaint.recordHint') : undefined} />
      <Form.Item name="majorWorks" valuePropName="checked">
        <Checkbox>{t('complaint.majorWorks')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** REASSIGN (转办): the handler the case goes to; why goes in the comment. */
export function HandoverFields() {
  const { t } = useI18n();
  return (
    <Form.Item name="handler" label={t('complaint.newHandler')} extra={t('complaint.handlerHint')} rules={[{ required: true }]}>
      <PersonSelect />
    </Form.Item>
  );
}

/** CONCLUDE: the investigation's conclusion and its classification (the composite's 50-point deduction reads it). */
export function ConcludeFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="conclusion" label={t('complaint.conclusion')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="classification" label={t('complaint.classification')} extra={t('complaint.classificationHint')}>
        <Checkbox.Group options={CLASSIFICATION.map((k) => ({ value: k, label: t(`complaint.${k}`) }))} />
      </Form.Item>
      <Form.Item name="openCorrectiveAction" valuePropName="checked">
        <Checkbox>{t('complaint.openCorrectiveAction')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** A callback: the customer's score on the 5-point scale (below 4 cannot be recorded as satisfied). */
export function CallbackFields() {
  const { t } = useI18n();
  return (
    <Form.Item name="score" label={t('complaint.score')} extra={t('complaint.scoreHint')}>
      <Rate count={5} />
    </Form.Item>
  );
}

export function dispatchData(v: ComplaintValues): Record<string, unknown> {
  return { handler: v.handler, ...intakeData(v), ...(v.majorWorks ? { majorWorks: true } : {}) };
}

export function handoverData(v: ComplaintValues): Record<string, unknown> {
  return { handler: v.handler };
}

export function concludeData(v: ComplaintValues): Record<string, unknown> {
  const checked = new Set(v.classification ?? []);
  return {
    conclusion: v.conclusion?.trim(),
    classification: Object.fromEntries(CLASSIFICATION.map((k) => [k, checked.has(k)])),
    ...(v.openCorrectiveAction ? { openCorrectiveAction: true } : {}),
  };
}

export function callbackData(v: ComplaintValues): Record<string, unknown> | undefined {
  return v.score ? { score: v.score } : undefined;
}
