import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** The meaning a signer signed with; the standard meanings are shown in the UI language. */
export function SignatureTag({ meaning }: { meaning: string }) {
  const { t } = useI18n();
  const known = meaning === 'approved' ? t('meaning.approved') : meaning === 'reviewed' ? t('meaning.reviewed') : meaning;
  return (
    <Tag icon={<SafetyCertificateOutlined />} color="gold" style={{ marginTop: 4 }}>
      {t('field.signature')}：{known}
    </Tag>
  );
}
