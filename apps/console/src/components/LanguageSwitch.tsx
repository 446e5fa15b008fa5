import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button type="text" icon={<TranslationOutlined />} style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('language')}
    </Button>
  );
}
