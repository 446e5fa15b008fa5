/**
 * Error messages in both UI languages. Code that refuses a request says why in English
 * and Chinese (`says`); the server's error filter answers in the language the caller
 * asks for with Accept-Language (the console sends its UI language), English otherwise,
 * since integrators' logs are read by whoever runs them.
 */
export interface LocalMessage {
  en: string;
  zh: string;
}

export type Language = keyof LocalMessage;

/** The body of an HttpException that says `en` / `zh`: `new NotFoundException(says(…))`, or spread it next to `details`. */
export function says(en: string, zh: string): { message: LocalMessage } {
  return { message: { en, zh } };
}

export function isLocalMessage(value: unknown): value is LocalMessage {
  return typeof value === 'object' && value !== null && typeof (value as LocalMessage).en === 'string' && typeof (value as LocalMessage).zh === 'string';
}

/** The caller's language from Accept-Language (`zh-CN,zh;q=0.9,en;q=0.8`): the most wanted of zh and en, English when neither is named. */
export function languageOf(acceptLanguage: string | undefined): Language {
  let best: { lang: Language; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined;
    if (!lang) continue;
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

/** A message in `lang`: a LocalMessage's side, or a plain string as it is. */
export function inLanguage(message: unknown, lang: Language): string {
  return isLocalMessage(message) ? message[lang] : String(message);
}

/** What a 500 says: never more, the cause goes to the log. */
export const INTERNAL_ERROR: LocalMessage = { en: 'internal error', zh: '服务器内部错误' };
