import { Form, Input } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** Free data for outcomes without a dedicated form; must be a JSON object when given. */
export function JsonField() {
  const { t } = useI18n();
  const validator = async (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(t('event.dataInvalid'));
  };
  return (
    <Form.Item name="json" label={t('event.data')} rules={[{ validator: (r, v: string | undefined) => validator(r, v).catch(() => Promise.reject(new Error(t('event.dataInvalid')))) }]}>
      <Input.TextArea rows={4} placeholder='{ "key": "value" }' style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}

export function jsonData(text: string | undefined): Record<string, unknown> | undefined {
  return text?.trim() ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}
