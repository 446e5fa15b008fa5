import { DatePicker, Form, Input, Button } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';

export interface AuditFilter {
  actor?: string;
  instanceId?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  actor?: string;
  instanceId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilters({ onSearch }: { onSearch: (f: AuditFilter) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const apply = (v: FormValues) =>
    onSearch({
      actor: v.actor?.trim() || undefined,
      instanceId: v.instanceId?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="actor"><Input allowClear placeholder={t('audit.actor')} style={{ width: 180 }} /></Form.Item>
      <Form.Item name="instanceId" rules={[{ pattern: /^[0-9a-f-]{36}$/i }]} style={{ maxWidth: '100%' }}><Input allowClear placeholder={t('audit.instanceId')} style={{ width: 320, maxWidth: '100%' }} /></Form.Item>
      <Form.Item name="range"><DatePicker.RangePicker /></Form.Item>
      <Button type="primary" htmlType="submit">{t('common.search')}</Button>
      <Button onClick={() => { form.resetFields(); onSearch({}); }}>{t('common.reset')}</Button>
    </Form>
  );
}
