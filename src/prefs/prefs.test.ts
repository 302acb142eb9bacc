import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, readCookie, readPrefs } from './prefs';

describe('preferences from cookies', () => {
  it('reads one cookie by exact name, decoded, and survives garbage', () => {
    const header = 'a=1; sent_layout=%7B%22hidden%22%3A%5B%5D%7D; xsent_privacy=on; sent_privacy = on';
    expect(readCookie(header, 'sent_layout')).toBe('{"hidden":[]}');
    expect(readCookie(header, 'sent_privacy')).toBe('on');
    expect(readCookie(header, 'missing')).toBeNull();
    expect(readCookie('sent_layout=%E0%A4%A', 'sent_layout')).toBeNull();
    expect(readCookie('', 'a')).toBeNull();
  });

  it('turns cookies and languages into prefs, dropping a malformed region', () => {
    expect(readPrefs('sent_privacy=on; sent_region=GB', ['en-GB'])).toEqual({
      privacy: true,
      layout: null,
      region: 'GB',
      languages: ['en-GB'],
    });
    expect(readPrefs('sent_privacy=yes; sent_region=<script>', [])).toMatchObject({
      privacy: false,
      region: null,
    });
  });

  it('orders Accept-Language by quality and ignores wildcards and q=0', () => {
    expect(parseAcceptLanguage('de;q=0.5, en-GB, fr;q=0, *;q=0.1, en;q=0.8')).toEqual(['en-GB', 'en', 'de']);
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage('en;q=abc')).toEqual([]);
  });
});
