import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A signature's meaning in the UI language: the standard ones from the dictionary, a step's
 * own statement ("验证有效 / verified effective", as the trail keeps it) by its half in that language.
 */
export function SignatureMeaning({ meaning }: { meaning: string }) {
  const { t, lang } = useI18n();
  if (meaning === 'approved') return <>{t('meaning.approved')}</>;
  if (meaning === 'reviewed') return <>{t('meaning.reviewed')}</>;
  const halves = meaning.split(' / ');
  return <>{halves.length === 2 ? halves[lang === 'zh' ? 0 : 1] : meaning}</>;
}

/** The meaning a signer signed with. */
export function SignatureTag({ meaning }: { meaning: string }) {
  const { t } = useI18n();
  return (
    <Tag icon={<SafetyCertificateOutlined />} color="gold" style={{ marginTop: 4 }}>
      {t('field.signature')}：<SignatureMeaning meaning={meaning} />
    </Tag>
  );
}
