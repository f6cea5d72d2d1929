import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpResponse } from './http-response.js';
import { writeNodeResponse } from './node-adapter.js';

/** What Node's ServerResponse is handed: the flat header list and the body. */
function written(response: HttpResponse): { headers: string[]; body: unknown } {
  let headers: string[] = [];
  let body: unknown;
  const outgoing = {
    req: { method: 'GET' },
    writeHead(_status: number, _reason: string, list: string[]) {
      headers = list;
      return this;
    },
    end(chunk?: unknown) {
      body = chunk;
      return this;
    },
  };
  void writeNodeResponse(response, outgoing as unknown as ServerResponse);
  return { headers, body };
}

function contentLength(headers: string[]): string | undefined {
  const at = headers.indexOf('content-length');
  return at === -1 ? undefined : headers[at + 1];
}

describe('writeNodeResponse', () => {
  it('sends the UTF-8 byte length of every text body, whatever came before', () => {
    // Bodies repeat, and equal-length ASCII and non-ASCII texts follow each other.
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('abcd', 'é', 'ab', '€'));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (bodies) => {
        for (const body of bodies) {
          const sent = written(new HttpResponse(body));
          expect(contentLength(sent.headers)).toBe(String(Buffer.byteLength(body)));
          expect(sent.body).toBe(body);
        }
      }),
    );
  });

  it('measures a large text body too', () => {
    const large = 'é'.repeat(20_000);
    expect(contentLength(written(new HttpResponse(large)).headers)).toBe('40000');
    expect(contentLength(written(new HttpResponse(large)).headers)).toBe('40000');
    expect(contentLength(written(new HttpResponse('é'.repeat(3))).headers)).toBe('6');
  });

  it('sends the byte length of a body of bytes and of text in another charset', () => {
    expect(contentLength(written(new HttpResponse(new Uint8Array(7))).headers)).toBe('7');
    const latin = new HttpResponse('café', { contentType: 'text/plain; charset=latin-1' });
    expect(contentLength(written(latin).headers)).toBe('4');
    expect(contentLength(written(new HttpResponse('café')).headers)).toBe('5');
  });
});
