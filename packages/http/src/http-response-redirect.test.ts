import { describe, expect, it } from 'vitest';
import { DisallowedRedirect } from './errors.js';
import {
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
  HttpResponseRedirectBase,
} from './http-response-redirect.js';

describe('redirects', () => {
  it('sets an IRI-encoded Location and exposes it as url', () => {
    const response = new HttpResponseRedirect('http://é.com/ü?q=ä');
    expect(response.status).toBe(302);
    expect(response.url).toBe('http://%C3%A9.com/%C3%BC?q=%C3%A4');
    expect(String(response)).toBe(
      '<HttpResponseRedirect status_code=302, "text/html; charset=utf-8", url="http://%C3%A9.com/%C3%BC?q=%C3%A4">',
    );
    expect(new HttpResponsePermanentRedirect('/new/').status).toBe(301);
    expect(new HttpResponseRedirect(new URL('https://example.com/a b')).url).toBe(
      'https://example.com/a%20b',
    );
  });

  it('encodes CR and LF in the target, so no header can be injected', () => {
    expect(new HttpResponseRedirect('/x\r\nSet-Cookie: a=1').url).toBe('/x%0D%0ASet-Cookie:%20a=1');
  });

  it('refuses unsafe schemes with DisallowedRedirect (400)', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
    ]) {
      expect(() => new HttpResponseRedirect(url)).toThrow(DisallowedRedirect);
    }
    expect(() => new HttpResponseRedirect('javascript:x')).toThrow(
      "Unsafe redirect to URL with protocol 'javascript'",
    );
    expect(new DisallowedRedirect('x').status).toBe(400);
    expect(() => new HttpResponseRedirect('/' + 'a'.repeat(16_384))).toThrow(/exceeding 16384/);
    expect(() => new HttpResponseRedirect('http://[::1/')).toThrow(DisallowedRedirect);
    expect(() => new HttpResponseRedirect('http://[1.2.3.4]/')).toThrow(DisallowedRedirect);
    expect(new HttpResponseRedirect('http://[::1]:8000/x').url).toBe('http://[::1]:8000/x');
  });

  it('finds the scheme behind leading controls, tabs and newlines, as browsers do', () => {
    for (const url of [
      ' javascript:alert(1)',
      '\bjavascript:x',
      'java\nscript:x',
      'java\tscript:x',
    ]) {
      expect(() => new HttpResponseRedirect(url)).toThrow(DisallowedRedirect);
    }
    expect(new HttpResponseRedirect('1http:x').url).toBe('1http:x');
  });

  it('lets a subclass change the allowed schemes', () => {
    class AppRedirect extends HttpResponseRedirectBase {
      static override allowedSchemes = ['myapp'];
    }
    expect(new AppRedirect('myapp://open').url).toBe('myapp://open');
    expect(() => new AppRedirect('https://x')).toThrow(DisallowedRedirect);
  });
});
