import { describe, expect, it } from 'vitest';
import { otherLanguage, pickLanguage } from './language.ts';

describe('UI language', () => {
  it('defaults to zh-CN, follows the stored choice, and ?lang= wins', () => {
    expect(pickLanguage('', null)).toBe('zh-CN');
    expect(pickLanguage('', 'en-US')).toBe('en-US');
    expect(pickLanguage('?lang=zh-CN', 'en-US')).toBe('zh-CN');
    expect(pickLanguage('?lang=en-US', null)).toBe('en-US');
    expect(pickLanguage('?lang=fr', 'bogus')).toBe('zh-CN');
  });

  it('names the other language for the switch', () => {
    expect(otherLanguage('zh-CN')).toBe('en-US');
    expect(otherLanguage('en-US')).toBe('zh-CN');
  });
});
