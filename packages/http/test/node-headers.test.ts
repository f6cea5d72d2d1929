/**
 * The Node adapter reads Host and the body headers from Node's raw header list instead of making
 * Node build its `headers` object. For any list — names in any case, repeated headers — it must
 * see exactly what the object would give.
 */
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpRequest, malformedRequest, requestFromNode } from '../src/index.js';

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

  it('answers for each request’s own list when two requests are asked about in turn', () => {
    const options = { allowedHosts: ['*'] };
    // What one request alone gets: its refusal, its Host, whether it has a body.
    const alone = (list: string[]) => ({
      malformed: malformedRequest(incoming(list)),
      host: outcome(() => requestFromNode(incoming(list), options).getHost()),
      body: !requestFromNode(incoming(list), options).bodyLoaded,
    });
    fc.assert(
      fc.property(headerList, headerList, (first, second) => {
        const a = incoming(first);
        const b = incoming(second);
        const malformed = [malformedRequest(a), malformedRequest(b)];
        const requests = [requestFromNode(a, options), requestFromNode(b, options)];
        const hosts = [
          outcome(() => requests[1]!.getHost()),
          outcome(() => requests[0]!.getHost()),
        ];
        expect({ malformed: malformed[0], host: hosts[1], body: !requests[0]!.bodyLoaded }).toEqual(
          alone(first),
        );
        expect({ malformed: malformed[1], host: hosts[0], body: !requests[1]!.bodyLoaded }).toEqual(
          alone(second),
        );
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
