import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePath } from './decode-path.js';

// Recorded from Django 3.2.25: repercent_broken_unicode(unquote(raw, 'iso-8859-1').encode('iso-8859-1')).decode(),
// what wsgiref and Django's WSGIHandler make of a request target's path.
const DJANGO: ReadonlyArray<readonly [string, string]> = [
  ['/%ZZ/', '/%ZZ/'],
  ['/%E0%A4%A/', '/%E0%A4%A/'],
  ['/caf%C3%A9/', '/café/'],
  ['/%FF/', '/%FF/'],
  ['/a%2Fb/', '/a/b/'],
  ['/%/', '/%/'],
  ['/%4', '/%4'],
  ['/%e2%82%ac%e2%82/', '/€%E2%82/'],
  ['/%F0%9F%98%80/', '/😀/'],
  ['/%ED%A0%80/', '/%ED%A0%80/'],
  ['/%C3%28/', '/%C3(/'],
  ['/x%C0%AFy/', '/x%C0%AFy/'],
  ['/%F4%90%80%80/', '/%F4%90%80%80/'],
  ['/%E2%82/%AC/', '/%E2%82/%AC/'],
  ['/plain/', '/plain/'],
  ['/a%20b%2', '/a b%2'],
  ['/%%41/', '/%A/'],
];

describe('decodePath', () => {
  it.each(DJANGO)('decodes %s as Django does', (raw, expected) => {
    expect(decodePath(raw)).toBe(expected);
  });

  it('never throws, and gives back any path a client percent-encoded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(decodePath(encodeURIComponent(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(typeof decodePath(text)).toBe('string');
      }),
    );
  });
});
