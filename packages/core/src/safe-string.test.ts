import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { SafeString, conditionalEscape, escape, isSafe, markSafe } from './safe-string.js';

describe('safe strings', () => {
  it('escapes the five characters Django escapes', () => {
    expect(String(escape(`<a href="x">'&'</a>`))).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;',
    );
    expect(escapeHtml('plain')).toBe('plain');
  });

  it('escapes already-safe text again, like django.utils.html.escape', () => {
    expect(String(escape(markSafe('&amp;')))).toBe('&amp;amp;');
  });

  it('conditionalEscape leaves safe text alone', () => {
    expect(String(conditionalEscape(markSafe('<b>')))).toBe('<b>');
    expect(String(conditionalEscape('<b>'))).toBe('&lt;b&gt;');
    expect(isSafe(conditionalEscape('<b>'))).toBe(true);
  });

  it('recognises the brand from any producer', () => {
    const foreign = { [Symbol.for('reins.SafeString')]: true, toString: () => '<i>' };
    expect(isSafe(foreign)).toBe(true);
    expect(String(markSafe(foreign))).toBe('<i>');
    expect(String(conditionalEscape(foreign))).toBe('<i>');
    expect(isSafe('<i>')).toBe(false);
    expect(isSafe(null)).toBe(false);
  });

  it('converts non-strings with Python str()', () => {
    expect(String(markSafe(null))).toBe('None');
    expect(String(escape(['<'])).toString()).toBe('[&#x27;&lt;&#x27;]');
  });

  it('behaves like a string', () => {
    const s = new SafeString('abc');
    expect(s.length).toBe(3);
    // A template literal's coercion of the object is what is asserted.
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${s}!`).toBe('abc!');
    expect(JSON.stringify({ s })).toBe('{"s":"abc"}');
    expect(markSafe(s)).toBe(s);
  });

  it('never leaves a special character unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = escapeHtml(text);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#x27);/g, '')).not.toContain('&');
        const back = out
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(text);
      }),
    );
  });
});
