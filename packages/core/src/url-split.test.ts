import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { djangoUrlsplit, urlsplit, UrlSplitError } from './url-split.js';

const parts = (scheme: string, netloc: string, path: string, query = '', fragment = '') => ({
  scheme,
  netloc,
  path,
  query,
  fragment,
});

describe('urlsplit (answers recorded from Python 3.11)', () => {
  it.each([
    [' HTTP://a.b/p?q#f', parts('http', 'a.b', '/p', 'q', 'f')],
    ['\thttp://ex\nample.com/', parts('http', 'example.com', '/')],
    ['1http://x/', parts('', '', '1http://x/')],
    ['//evil.com/', parts('', 'evil.com', '/')],
    ['mailto:a@b', parts('mailto', '', 'a@b')],
    ['path?x#y', parts('', '', 'path', 'x', 'y')],
    // bpo-43882: tab/CR/LF removed anywhere, as browsers do (issue 19's redirect bypasses).
    ['/\t/example.com', parts('', 'example.com', '')],
    ['java\tscript:alert(1)', parts('javascript', '', 'alert(1)')],
    ['java\nscript:alert(1)', parts('javascript', '', 'alert(1)')],
    ['/\r\n/evil.com/p?q\t#f', parts('', 'evil.com', '/p', 'q', 'f')],
    ['ht\ttp://evil.com', parts('http', 'evil.com', '')],
  ])('urlsplit(%j)', (url, expected) => {
    expect(urlsplit(url)).toEqual(expected);
  });

  it('raises where Python raises ValueError', () => {
    expect(() => urlsplit('http://[::1/')).toThrow('Invalid IPv6 URL');
    expect(() => urlsplit('http://\u2100.com/')).toThrow(/NFKC/);
    try {
      urlsplit('http://[::1/');
    } catch (error) {
      expect(UrlSplitError.isInstance(error)).toBe(true);
      expect((error as UrlSplitError).code).toBe('core.invalid_url');
    }
  });
});

describe("djangoUrlsplit (Django's _urlsplit)", () => {
  it('strips nothing and accepts a scheme starting with a digit', () => {
    expect(djangoUrlsplit('1http://x/')).toEqual(parts('1http', 'x', '/'));
    expect(djangoUrlsplit(' http://x/')).toEqual(parts('', '', ' http://x/'));
    expect(djangoUrlsplit('http:\\\\evil.com')).toEqual(parts('http', '', '\\\\evil.com'));
  });

  it('splits any web URL at its first ? and # (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const { scheme, netloc, path } = djangoUrlsplit(url);
        const head = /^[^?#]*/.exec(url)![0];
        expect(`${scheme}://${netloc}${path}`).toBe(head);
        expect(urlsplit(url)).toEqual(djangoUrlsplit(url));
      }),
    );
  });
});
