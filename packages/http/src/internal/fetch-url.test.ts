import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FetchConnection, fetchTarget, splitFetchUrl } from './fetch-url.js';

function byParser(href: string) {
  const url = new URL(href);
  return {
    secure: url.protocol === 'https:',
    authority: url.host,
    target: url.pathname + url.search,
    hostname: url.hostname,
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
  };
}

describe('splitFetchUrl', () => {
  it('splits every serialized http(s) URL as URL does', () => {
    fc.assert(
      fc.property(
        fc.webUrl({
          validSchemes: ['http', 'https'],
          withQueryParameters: true,
          withFragments: true,
          authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
        }),
        (raw) => {
          // What a runtime hands over as Request.url: the URL serializer's output.
          const href = new URL(raw).href;
          const expected = byParser(href);
          const split = splitFetchUrl(href);
          expect(split).toEqual({
            secure: expected.secure,
            authority: expected.authority,
            target: expected.target,
          });
          expect(fetchTarget(href)).toBe(expected.target);
          const connection = new FetchConnection(undefined, href);
          expect(connection.encrypted).toBe(expected.secure);
          expect(connection.authority).toBe(expected.authority);
          expect(connection.localAddress).toBe(expected.hostname);
          expect(connection.localPort).toBe(expected.port);
        },
      ),
    );
  });

  it('drops user information and the fragment, and gives an empty path a slash', () => {
    expect(splitFetchUrl('http://user:pass@example.com:8000/a/?q=1#top')).toEqual({
      secure: false,
      authority: 'example.com:8000',
      target: '/a/?q=1',
    });
    expect(splitFetchUrl('https://example.com?q=1')).toEqual({
      secure: true,
      authority: 'example.com',
      target: '/?q=1',
    });
    expect(splitFetchUrl('http://[::1]:8000')).toEqual({
      secure: false,
      authority: '[::1]:8000',
      target: '/',
    });
    for (const url of [
      'http://user:pass@example.com:8000/a/?q=1#top',
      'https://example.com?q=1',
      'http://[::1]:8000',
      'http://example.com/a?',
      'http://example.com/a/?b?',
      'http://example.com#x/y',
    ]) {
      expect(fetchTarget(url)).toBe(splitFetchUrl(url).target);
    }
  });

  it('leaves other schemes, and URLs that are not absolute, to the URL parser', () => {
    expect(splitFetchUrl('HTTP://Example.com/a').authority).toBe('example.com');
    expect(fetchTarget('HTTP://Example.com/a?b')).toBe('/a?b');
    expect(new FetchConnection(undefined, 'HTTPS://Example.com:443/').localPort).toBe(443);
    // Bun hands over a bare path when the Host header is not a valid host.
    expect(() => splitFetchUrl('/p?q=1')).toThrow(TypeError);
  });
});
