import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** Re-entered password and the meaning of the signature, shown before signing. */
export function SignatureFields() {
  const { t } = useI18n();
  return (
    <div className="sf-signature">
      <Alert type="warning" showIcon icon={<SafetyCertificateOutlined />} title={t('event.signTitle')} description={t('event.signNotice')} style={{ marginBottom: 16 }} />
      <Form.Item name="meaning" label={t('event.meaning')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'approved', label: t('meaning.approved') },
            { value: 'reviewed', label: t('meaning.reviewed') },
          ]}
        />
      </Form.Item>
      <Form.Item name="password" label={t('event.password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
    </div>
  );
}
