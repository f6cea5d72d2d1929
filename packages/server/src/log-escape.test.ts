import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLogText } from './log-escape.js';

describe('escapeLogText', () => {
  it.each([
    ['/nothing\r\nFORGED', '/nothing\\r\\nFORGED'],
    ['/a\nb', '/a\\nb'],
    ['\u001b[2J', '\\x1b[2J'],
    ['tab\there', 'tab\\there'],
    ['del\u007f c1\u009b', 'del\\x7f c1\\x9b'],
    ['back\\slash', 'back\\\\slash'],
    ['bidi\u202eevil', 'bidi\\u202eevil'],
    ['line\u2028sep\u2029', 'line\\u2028sep\\u2029'],
    ['lone\ud800', 'lone\\ud800'],
    ['tag\u{e0041}', 'tag\\U000e0041'],
    ['nul\u0000', 'nul\\x00'],
  ])('escapes %j as Python’s unicode_escape spells it', (input, expected) => {
    expect(escapeLogText(input)).toBe(expected);
  });

  it('keeps printable text, non-ASCII included, unchanged', () => {
    expect(escapeLogText('/café/ — 日本 "GET / HTTP/1.1" 200')).toBe(
      '/café/ — 日本 "GET / HTTP/1.1" 200',
    );
  });

  it('never leaves a control or line-breaking character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expect(escapeLogText(input)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
      }),
    );
  });

  it('is reversible: different inputs never log the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        fc.pre(a !== b);
        expect(escapeLogText(a)).not.toBe(escapeLogText(b));
      }),
    );
  });
});
