import { describe, expect, it, vi } from 'vitest';
import { markSafe } from './escape.js';
import { BadHeaderError } from './errors.js';
import {
  HttpResponse,
  HttpResponseBadRequest,
  HttpResponseBase,
  HttpResponseForbidden,
  HttpResponseGone,
  HttpResponseNotAllowed,
  HttpResponseNotFound,
  HttpResponseNotModified,
  HttpResponseServerError,
} from './http-response.js';

describe('HttpResponse', () => {
  it('defaults to 200, text/html; charset=utf-8 and an empty body', () => {
    const response = new HttpResponse();
    expect(response.status).toBe(200);
    expect(response.statusCode).toBe(200);
    expect(response.reasonPhrase).toBe('OK');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.charset).toBe('utf-8');
    expect(response.content.length).toBe(0);
    expect(response.content).toBeInstanceOf(Uint8Array);
    expect(response.streaming).toBe(false);
    expect(String(response)).toBe('<HttpResponse status_code=200, "text/html; charset=utf-8">');
  });

  it('decodes text() with Python’s codec for the charset (ISO-8859-1 is not windows-1252)', () => {
    const bytes = Uint8Array.from([0x80, 0xe9]);
    expect(new HttpResponse(bytes, { charset: 'iso-8859-1' }).text()).toBe('\u0080é');
    expect(new HttpResponse(bytes, { charset: 'windows-1252' }).text()).toBe('€é');
    expect(new HttpResponse(Uint8Array.from([0xc1]), { charset: 'koi8-r' }).text()).toBe('а');
  });

  it('encodes string content with the charset and keeps bytes as they are', () => {
    expect(new TextDecoder().decode(new HttpResponse('café').content)).toBe('café');
    const latin = new HttpResponse('café', { charset: 'iso-8859-1' });
    expect(latin.headers.get('Content-Type')).toBe('text/html; charset=iso-8859-1');
    expect([...latin.content]).toEqual([0x63, 0x61, 0x66, 0xe9]);
    expect(latin.text()).toBe('café');
    const fromType = new HttpResponse('x', { contentType: 'text/plain; charset="latin1"' });
    expect(fromType.charset).toBe('latin1');
    const bytes = Uint8Array.from([1, 2, 3]);
    expect(new HttpResponse(bytes).content).toBe(bytes);
    expect(new HttpResponse(['a', 'b', 1]).text()).toBe('ab1');
    expect(new HttpResponse(123).text()).toBe('123');
    expect(new HttpResponse(markSafe('<b>')).text()).toBe('<b>');
    expect(() => new HttpResponse('☃', { charset: 'latin1' }).content).toThrow(/cannot be encoded/);
    expect(() => new HttpResponse('x', { charset: 'koi8-r' }).content).toThrow(/cannot encode/);
  });

  it('appends with write() and reports the length with tell()', () => {
    const response = new HttpResponse('a');
    response.write('b');
    response.write(Uint8Array.from([0x63]));
    response.write('d');
    response.writeLines(['e', 'f']);
    expect(response.text()).toBe('abcdef');
    expect(response.tell()).toBe(6);
    response.content = 'new';
    expect(response.text()).toBe('new');
  });

  it('validates the status and knows the standard reason phrases', () => {
    expect(new HttpResponse('', { status: 201 }).reasonPhrase).toBe('Created');
    expect(new HttpResponse('', { status: 418 }).reasonPhrase).toBe("I'm a Teapot");
    expect(new HttpResponse('', { status: 299 }).reasonPhrase).toBe('Unknown Status Code');
    expect(new HttpResponse('', { status: 200, reason: 'Fine' }).reasonPhrase).toBe('Fine');
    expect(() => new HttpResponse('', { status: 99 })).toThrow(
      'HTTP status code must be an integer from 100 to 599',
    );
    expect(() => new HttpResponse('', { status: 600 })).toThrow(RangeError);
    expect(() => new HttpResponse('', { status: 1.5 })).toThrow(
      'HTTP status code must be an integer',
    );
    expect(() => new HttpResponse('', { status: 'abc' as never })).toThrow(TypeError);
    expect(new HttpResponse('', { status: '404' as never }).status).toBe(404);
    const response = new HttpResponse();
    response.status = 404;
    expect(response.reasonPhrase).toBe('Not Found');
    expect(() => {
      response.reasonPhrase = 'a\r\nb';
    }).toThrow(BadHeaderError);
  });

  it('refuses Content-Type both in headers and contentType', () => {
    expect(
      () =>
        new HttpResponse('', {
          headers: { 'Content-Type': 'text/plain' },
          contentType: 'text/html',
        }),
    ).toThrow(/must not contain 'Content-Type'/);
    expect(
      new HttpResponse('', { headers: { 'content-type': 'text/plain' } }).headers.get(
        'Content-Type',
      ),
    ).toBe('text/plain');
  });

  it('has case-insensitive headers that keep the last name and first position', () => {
    const response = new HttpResponse('', { headers: { 'X-A': '1' } });
    response.headers.set('x-b', 2);
    response.headers.set('X-A', 'again');
    expect([...response.headers]).toEqual([
      ['X-A', 'again'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['x-b', '2'],
    ]);
    expect(response.headers.has('x-a')).toBe(true);
    expect(response.headers.setDefault('X-A', 'ignored')).toBe('again');
    expect(response.headers.delete('X-A')).toBe(true);
    expect(response.headers.get('X-A')).toBeUndefined();
    expect(response.headers.toString()).toBe('Content-Type: text/html; charset=utf-8\r\nx-b: 2');
  });

  it('refuses header values and names that would split the header block', () => {
    const response = new HttpResponse();
    expect(() => response.headers.set('X-Next', 'a\r\nSet-Cookie: x=1')).toThrow(BadHeaderError);
    expect(() => response.headers.set('X-Next', 'a\nb')).toThrow(
      "Header values can't contain newlines (got 'a\\nb')",
    );
    expect(() => response.headers.set('X-Next', 'a\u0000b')).toThrow(BadHeaderError);
    expect(() => response.headers.set('X\r\nY', 'v')).toThrow(BadHeaderError);
    expect(() => response.headers.set('Üx', 'v')).toThrow(/ascii/);
    expect(() => new HttpResponse('', { headers: { X: 'a\nb' } })).toThrow(BadHeaderError);
    expect(new BadHeaderError('x').status).toBe(500);
  });

  it('MIME-encodes values outside Latin-1 and keeps Latin-1 ones', () => {
    const response = new HttpResponse();
    response.headers.set('X-U', 'café ☃');
    expect(response.headers.get('X-U')).toBe('=?utf-8?b?Y2Fmw6kg4piD?=');
    response.headers.set('X-L', 'café');
    expect(response.headers.get('X-L')).toBe('café');
  });

  it('runs closers once, ignoring their errors', async () => {
    const response = new HttpResponse();
    const first = vi.fn(() => {
      throw new Error('ignored');
    });
    const second = vi.fn();
    response.addCloser(first);
    response.addCloser(second);
    await response.close();
    await response.close();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(response.closed).toBe(true);
  });

  it('is recognised by brand', () => {
    expect(HttpResponseBase.isInstance(new HttpResponse())).toBe(true);
    expect(HttpResponse.isInstance({ status: 200 })).toBe(false);
  });
});

describe('cookies', () => {
  it('formats Set-Cookie as Python does, attributes in alphabetical order', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 21, 0, 2, 14) });
    try {
      const response = new HttpResponse();
      response.setCookie('a', 'b c;d', {
        domain: '.ex.com',
        maxAge: 3600,
        path: '/p',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
      response.setCookie('plain', 'v');
      response.setCookie('exp', 'v', { expires: 'Wed, 21 Oct 2015 07:28:00 GMT' });
      response.setCookie('q', 'x"y\\z\té');
      response.setCookie('e', '');
      response.setCookie('nopath', 'v', { path: null });
      response.setCookie('date', 'v', { expires: new Date(Date.UTC(2026, 10, 21, 1, 2, 14)) });
      response.deleteCookie('gone');
      response.deleteCookie('__Host-x');
      response.deleteCookie('s', { sameSite: 'None' });
      expect([...response.cookies.values()].map(String)).toEqual([
        'a="b c\\073d"; Domain=.ex.com; expires=Sat, 21 Nov 2026 01:02:14 GMT; HttpOnly; Max-Age=3600; Path=/p; SameSite=Lax; Secure',
        'plain=v; Path=/',
        'exp=v; expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/',
        'q="x\\"y\\\\z\\011\\351"; Path=/',
        'e=""; Path=/',
        'nopath=v',
        'date=v; expires=Sat, 21 Nov 2026 01:02:15 GMT; Max-Age=3601; Path=/',
        'gone=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/',
        '__Host-x=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure',
        's=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure',
      ]);
      expect(response.cookies.get('a')).toMatchObject({
        value: 'b c;d',
        maxAge: 3600,
        httpOnly: true,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the position of a cookie set twice', () => {
    const response = new HttpResponse();
    response.setCookie('a', '1');
    response.setCookie('b', '2');
    response.setCookie('a', '3');
    expect([...response.cookies.keys()]).toEqual(['a', 'b']);
    expect(response.cookies.get('a')!.value).toBe('3');
  });

  it('quotes CR and LF in a value instead of letting them split the header', () => {
    const response = new HttpResponse();
    response.setCookie('a', 'x\r\nSet-Cookie: evil=1');
    expect(String(response.cookies.get('a'))).toBe('a="x\\015\\012Set-Cookie: evil=1"; Path=/');
  });

  it('refuses illegal names, unsafe attributes, non-Latin-1 values and bad samesite', () => {
    const response = new HttpResponse();
    expect(() => response.setCookie('a b', 'v')).toThrow(BadHeaderError);
    expect(() => response.setCookie('a\r\n', 'v')).toThrow(BadHeaderError);
    expect(() => response.setCookie('expires', 'v')).toThrow(/reserved/);
    expect(() => response.setCookie('a', 'v', { path: '/x;Domain=evil' })).toThrow(BadHeaderError);
    expect(() => response.setCookie('a', 'v', { domain: 'a\nb' })).toThrow(BadHeaderError);
    expect(() => response.setCookie('a', '€')).toThrow(/Latin-1/);
    expect(() => response.setCookie('a', 'v', { sameSite: 'sometimes' })).toThrow(
      'samesite must be "lax", "none", or "strict"',
    );
    response.setCookie('a', 'v', { sameSite: 'strict' });
    expect(String(response.cookies.get('a'))).toBe('a=v; Path=/; SameSite=strict');
  });
});

describe('status responses', () => {
  it.each([
    [HttpResponseBadRequest, 400],
    [HttpResponseForbidden, 403],
    [HttpResponseNotFound, 404],
    [HttpResponseGone, 410],
    [HttpResponseServerError, 500],
  ] as const)('%o has status %i', (Class, status) => {
    const response = new Class('body');
    expect(response.status).toBe(status);
    expect(response.text()).toBe('body');
    expect(new Class('', { status: 499 }).status).toBe(499);
  });

  it('lists the permitted methods in Allow', () => {
    const response = new HttpResponseNotAllowed(['GET', 'post']);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, post');
    expect(String(response)).toBe(
      '<HttpResponseNotAllowed [GET, post] status_code=405, "text/html; charset=utf-8">',
    );
  });

  it('304 has no Content-Type and refuses content', () => {
    const response = new HttpResponseNotModified();
    expect(response.status).toBe(304);
    expect(response.headers.has('Content-Type')).toBe(false);
    expect(() => {
      response.content = 'x';
    }).toThrow('You cannot set content to a 304 (Not Modified) response.');
    response.content = '';
  });
});
