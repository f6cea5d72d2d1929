import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quote, quotePlus, unquote, unquotePlus, unquoteToBytes } from './python-quote.js';

describe('quote and quotePlus (urllib.parse)', () => {
  it('keeps unreserved characters and safe, encodes the rest as UTF-8', () => {
    expect(quote('a b/c')).toBe('a%20b/c');
    expect(quote('a/b', '')).toBe('a%2Fb');
    expect(quote("!'()*")).toBe('%21%27%28%29%2A');
    expect(quote('ç😀')).toBe('%C3%A7%F0%9F%98%80');
    expect(quote('plain-text_1.~')).toBe('plain-text_1.~');
    expect(quotePlus('a b&c/d')).toBe('a+b%26c%2Fd');
    expect(quotePlus('a b/', '/')).toBe('a+b/');
  });

  it('encodes a lone surrogate as U+FFFD', () => {
    expect(quote('\uD800x')).toBe('%EF%BF%BDx');
  });

  it('unquote keeps malformed escapes and replaces invalid UTF-8', () => {
    expect(unquote('a%20b')).toBe('a b');
    expect(unquote('%FF%')).toBe('\uFFFD%');
    expect(unquote('100%')).toBe('100%');
    expect(unquote('%e9', 'latin1')).toBe('é');
    expect(unquotePlus('a+b%2B')).toBe('a b+');
  });

  it('unquoteToBytes gives the UTF-8 bytes with valid escapes decoded', () => {
    expect([...unquoteToBytes('%E2%82%AC%')]).toEqual([0xe2, 0x82, 0xac, 0x25]);
    expect([...unquoteToBytes('é%zz')]).toEqual([0xc3, 0xa9, 0x25, 0x7a, 0x7a]);
    expect([...unquoteToBytes('%41%4a')]).toEqual([0x41, 0x4a]);
  });

  it('encodes every UTF-16 string as the UTF-8 of its well-formed form (property)', () => {
    const reference = (text: string) =>
      encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(
        /[!'()*]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(quote(text, '')).toBe(reference(text));
      }),
    );
  });

  it('round-trips any well-formed text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('', '/', ':@'), (text, safe) => {
        expect(unquote(quote(text, safe))).toBe(text);
        expect(unquotePlus(quotePlus(text, safe))).toBe(text);
      }),
    );
  });

  it('agrees with Python 3.11 (answers recorded from urllib.parse)', () => {
    const recorded: Array<[string, string, string, string]> = [
      ['a b', 'a%20b', 'a+b', 'a%20b'],
      [
        'ç/é?x=1&y',
        '%C3%A7/%C3%A9%3Fx%3D1%26y',
        '%C3%A7%2F%C3%A9%3Fx%3D1%26y',
        '%C3%A7%2F%C3%A9%3Fx%3D1%26y',
      ],
      [
        "!*'();:@&=+$,/?#[]",
        '%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C/%3F%23%5B%5D',
        '%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D',
        '%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D',
      ],
      ['~._-', '~._-', '~._-', '~._-'],
      ['ÿĀ😀', '%C3%BF%C4%80%F0%9F%98%80', '%C3%BF%C4%80%F0%9F%98%80', '%C3%BF%C4%80%F0%9F%98%80'],
    ];
    for (const [text, quoted, plus, noSafe] of recorded) {
      expect([quote(text), quotePlus(text), quote(text, '')]).toEqual([quoted, plus, noSafe]);
    }
  });
});
