import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalEscape, escape, html, isSafe, markSafe } from './escape.js';

describe('escape and html', () => {
  it('escapes the five special characters, even in a safe string', () => {
    expect(escape('<a href="x">\'&').toString()).toBe('&lt;a href=&quot;x&quot;&gt;&#x27;&amp;');
    expect(escape(markSafe('<b>')).toString()).toBe('&lt;b&gt;');
    expect(conditionalEscape(markSafe('<b>')).toString()).toBe('<b>');
    expect(conditionalEscape('<b>').toString()).toBe('&lt;b&gt;');
    expect(escape(42).toString()).toBe('42');
  });

  it('carries the shared safe-string brand', () => {
    const value = html`<p></p>`;
    expect(isSafe(value)).toBe(true);
    expect((value as unknown as Record<symbol, unknown>)[Symbol.for('reins.SafeString')]).toBe(
      true,
    );
    expect(isSafe({ [Symbol.for('reins.SafeString')]: true, toString: () => 'x' })).toBe(true);
    expect(isSafe('x')).toBe(false);
    expect(JSON.stringify({ v: markSafe('<b>') })).toBe('{"v":"<b>"}');
  });

  it('escapes interpolations but not nested html or safe strings', () => {
    const name = '<script>';
    const inner = html`<b>${name}</b>`;
    expect(html`<p>${inner} ${name} ${markSafe('<i>')}</p>`.toString()).toBe(
      '<p><b>&lt;script&gt;</b> &lt;script&gt; <i></p>',
    );
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    const items = ['a<', 'b'];
    // prettier-ignore
    const list = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
    expect(list.toString()).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.toString()).toBe('0');
  });

  it('never lets a special character through (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = html`${text}`.toString();
        expect(/[<>"']/.test(escaped)).toBe(false);
        expect(escaped.replaceAll(/&(lt|gt|quot|#x27|amp);/g, '')).not.toContain('&');
      }),
    );
  });
});
