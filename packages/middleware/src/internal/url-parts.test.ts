import { describe, expect, it } from 'vitest';
import { isSameDomain, splitUrl } from './url-parts.js';

describe('splitUrl', () => {
  // Expected values from Python's urllib.parse.urlparse.
  it.each([
    ['https://example.com/x', 'https', 'example.com'],
    ['HTTPS://u:p@Example.com:8443/a?b#c', 'https', 'u:p@Example.com:8443'],
    ['//example.com/x', '', 'example.com'],
    ['example.com', '', ''],
    ['null', '', ''],
    ['http://a?b', 'http', 'a'],
  ])('splits %j', (url, scheme, netloc) => {
    expect(splitUrl(url)).toMatchObject({ scheme, netloc });
  });

  it('refuses an unbalanced IPv6 bracket, as Python raises', () => {
    expect(splitUrl('https://[::1/x')).toBeNull();
  });
});

describe('isSameDomain', () => {
  it.each([
    ['example.com', 'example.com', true],
    ['example.com', 'EXAMPLE.com', true],
    ['foo.example.com', '.example.com', true],
    ['example.com', '.example.com', true],
    ['badexample.com', '.example.com', false],
    ['example.com:8000', 'example.com', false],
    ['example.com', '', false],
  ])('%s against %s → %s', (host, pattern, expected) => {
    expect(isSameDomain(host, pattern)).toBe(expected);
  });
});
