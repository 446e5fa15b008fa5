import { inLanguage, languageOf, says } from './local-message';

describe('error messages in the caller\'s language', () => {
  it('takes the most wanted of Chinese and English from Accept-Language, English when neither is named', () => {
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOf('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(languageOf('fr-FR, zh-TW;q=0.5, en;q=0.4')).toBe('zh');
    expect(languageOf('zh;q=0, en')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('answers a bilingual message in one language and a plain one as it is', () => {
    const { message } = says('instance not found', '未找到该实例');
    expect(inLanguage(message, 'zh')).toBe('未找到该实例');
    expect(inLanguage(message, 'en')).toBe('instance not found');
    expect(inLanguage('plain', 'zh')).toBe('plain');
  });
});
