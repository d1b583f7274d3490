import { describe, expect, it } from 'vitest';
import { MESSAGES, parseLang, t, withLang } from '../../src/lib/app/i18n.ts';

describe('i18n', () => {
  it('every message has Chinese and English with the same placeholders', () => {
    for (const [key, [zh, en]] of Object.entries(MESSAGES)) {
      expect(zh, key).not.toBe('');
      expect(en, key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(zh), key).toEqual(vars(en));
    }
  });

  it('Chinese by default, English with lang=en, kept in the URL', () => {
    expect(parseLang(new URLSearchParams(''))).toBe('zh');
    expect(parseLang(new URLSearchParams('lang=en'))).toBe('en');
    expect(parseLang(new URLSearchParams('lang=fr'))).toBe('zh');
    expect(withLang(new URLSearchParams('kind=final'), 'en').toString()).toBe('kind=final&lang=en');
    expect(withLang(new URLSearchParams('lang=en'), 'zh').toString()).toBe('');
    expect(t('en', 'fi_count', { n: 3 })).toBe('3 findings');
    expect(t('zh', 'nav_sangong')).toBe('三公经费');
  });
});
