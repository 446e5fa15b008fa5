import { Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { AttachedSurvey } from './AttachedSurvey';

export const PLAN_CHANNELS = ['email', 'web', 'phone', 'fax', 'post', 'visit', 'forum'] as const;

export interface PlanValues {
  period: string;
  sample: string;
  channels: string[];
  survey: string;
  targetReturnRate: number;
  notes?: string;
}

/** The survey plan (《客户满意度调查计划表》): what planning's SUBMIT must carry, its questionnaire the one attached to the instance. */
export function PlanFields({ instanceId, instanceTitle }: { instanceId: string; instanceTitle: string }) {
  const { t } = useI18n();
  const required = [{ required: true }];
  return (
    <>
      <Form.Item name="period" label={t('plan.period')} rules={required}>
        <Input placeholder={t('plan.periodPlaceholder')} />
      </Form.Item>
      <Form.Item name="sample" label={t('plan.sample')} rules={required}>
        <Input.TextArea rows={2} placeholder={t('plan.samplePlaceholder')} />
      </Form.Item>
      <Form.Item name="channels" label={t('plan.channels')} rules={required}>
        <Select mode="multiple" options={PLAN_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="survey" label={t('plan.survey')} rules={[{ required: true, message: t('surveys.none') }]}>
        <AttachedSurvey instanceId={instanceId} instanceTitle={instanceTitle} />
      </Form.Item>
      <Form.Item name="targetReturnRate" label={t('plan.target')} rules={required}>
        <InputNumber min={1} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="notes" label={t('plan.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

export function planData(v: PlanValues): Record<string, unknown> {
  const { notes, ...plan } = v;
  return { plan: notes ? { ...plan, notes } : plan };
}
