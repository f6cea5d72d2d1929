/**
 * The Node adapter reads Host and the body headers from Node's raw header list instead of making
 * Node build its `headers` object. For any list — names in any case, repeated headers — it must
 * see exactly what the object would give.
 */
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpRequest, requestFromNode } from '../src/index.js';

function incoming(rawHeaders: string[]): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = 'GET';
  message.url = '/';
  // What Node's parser does with the header lines it read.
  (message as unknown as { _addHeaderLines(list: string[], n: number): void })._addHeaderLines(
    rawHeaders,
    rawHeaders.length,
  );
  return message;
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const name = fc.constantFrom(
  'Host',
  'host',
  'HOST',
  'X-Forwarded-Host',
  'x-forwarded-host',
  'Content-Length',
  'content-length',
  'Transfer-Encoding',
  'Cookie',
  'X-Other',
);
const value = fc.constantFrom('example.com', 'other.test:8000', '0', '12', 'chunked', 'a=b', '');
const headerList = fc.array(fc.tuple(name, value), { maxLength: 6 }).map((pairs) => pairs.flat());

describe('requestFromNode reading the raw header list', () => {
  it('sees the Host (and X-Forwarded-Host) Node’s headers object would give', () => {
    const options = { allowedHosts: ['*'], useXForwardedHost: true };
    fc.assert(
      fc.property(headerList, (list) => {
        const message = incoming(list);
        const fromRaw = outcome(() => requestFromNode(message, options).getHost());
        const fromObject = outcome(() =>
          new HttpRequest({ headers: incoming(list).headers, options }).getHost(),
        );
        expect(fromRaw).toEqual(fromObject);
      }),
    );
  });

  it('knows whether there is a body as Node’s headers object would tell', () => {
    fc.assert(
      fc.property(headerList, (list) => {
        const headers = incoming(list).headers;
        const length = headers['content-length'];
        const expected =
          headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
        expect(requestFromNode(incoming(list)).bodyLoaded).toBe(!expected);
      }),
    );
  });

  it('gives the full headers and META once they are asked for', () => {
    const request = requestFromNode(
      incoming(['Host', 'example.com', 'X-A', '1', 'x-a', '2', 'Cookie', 'a=1', 'cookie', 'b=2']),
    );
    expect(request.headers.get('X-A')).toBe('1, 2');
    expect(request.META['HTTP_COOKIE']).toBe('a=1; b=2');
    expect(request.META['HTTP_HOST']).toBe('example.com');
  });
});
