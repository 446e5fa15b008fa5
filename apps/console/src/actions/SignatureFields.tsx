import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Select } from 'antd';
import { SignatureMeaning } from '../components/SignatureTag';
import { useI18n } from '../i18n/I18nProvider';

/** Re-entered password and the meaning of the signature, shown before signing: the step's own statement first. */
export function SignatureFields({ meaning }: { meaning: string }) {
  const { t } = useI18n();
  const standard = ['approved', 'reviewed'];
  return (
    <div className="sf-signature">
      <Alert type="warning" showIcon icon={<SafetyCertificateOutlined />} title={t('event.signTitle')} description={t('event.signNotice')} style={{ marginBottom: 16 }} />
      <Form.Item name="meaning" label={t('event.meaning')} rules={[{ required: true }]}>
        <Select
          options={[
            ...(standard.includes(meaning) ? [] : [{ value: meaning, label: <SignatureMeaning meaning={meaning} /> }]),
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
