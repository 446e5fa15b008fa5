import { ConfigProvider, App as AntApp } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
// one table of event words for the console and the server's diagrams and documents
import { EVENT_LABELS } from '../../../../libs/engine/src/definitions/event-labels';
import { DICTIONARY, fieldLabel, ROLE_LABELS, type Lang, type TextKey } from './dictionary';
import type { LocalText } from '../api/types';
import { theme } from '../theme';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: TextKey, vars?: Record<string, string | number>) => string;
  local: (text: LocalText | string | null | undefined) => string;
  role: (key: string | null | undefined) => string;
  event: (type: string) => string;
  /** A context field's label, as `procedure` names it when given. */
  field: (key: string, procedure?: string) => string;
  dateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE = 'satisflow.lang';

function initialLang(): Lang {
  return localStorage.getItem(STORAGE) === 'en' ? 'en' : 'zh';
}

/** Language for the whole console: our dictionary, antd's locale and dayjs follow it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE, next);
    setLangState(next);
  }, []);
  // the page says which language it is in, from the first render on (screen readers, the tab's title)
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = DICTIONARY[lang]['app.documentTitle'];
  }, [lang]);
  const value = useMemo<I18n>(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    const local = (text: LocalText | string | null | undefined) => (text == null ? '' : typeof text === 'string' ? text : text[lang]);
    return {
      lang,
      setLang,
      t: (key, vars) => (DICTIONARY[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? '')),
      local,
      role: (key) => (key ? local(ROLE_LABELS[key]) || key : ''),
      event: (type) => local(EVENT_LABELS[type]) || type,
      field: (key, procedure) => local(fieldLabel(key, procedure)) || key,
      dateTime: (iso) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : ''),
    };
  }, [lang, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
