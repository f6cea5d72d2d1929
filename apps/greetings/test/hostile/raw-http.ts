/**
 * One HTTP/1.1 exchange over a raw TCP socket: the bytes go out exactly as written (no client
 * normalises the request line, the Host header or the framing), and the answer is parsed strictly
 * enough to say whether it is a well-formed HTTP/1.1 response.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before closing (latin1, so every byte is one character). */
  received: string;
  /** The first response's status, or `null` when what came back is not an HTTP/1.x response. */
  status: number | null;
  /** The first response's headers, names lower-cased (repeated names joined with `, `). */
  headers: Record<string, string>;
  body: string;
  /** Why the answer is not a well-formed HTTP/1.1 response, or `null` when it is. */
  malformed: string | null;
  /** The socket timed out before the server closed it. */
  timedOut: boolean;
}

const STATUS_LINE = /^HTTP\/1\.1 (\d{3}) [^\r\n]*$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/**
 * Parse the first response in `received`; `malformed` says what is wrong with it. The answer to
 * a HEAD request (`head`) has headers only.
 */
function parseAnswer(received: string, timedOut = false, head = false): RawAnswer {
  const answer: RawAnswer = {
    received,
    status: null,
    headers: {},
    body: '',
    malformed: null,
    timedOut,
  };
  const end = received.indexOf('\r\n\r\n');
  if (end === -1) {
    answer.malformed = `no complete header block in ${JSON.stringify(received.slice(0, 200))}`;
    return answer;
  }
  const [statusLine = '', ...lines] = received.slice(0, end).split('\r\n');
  const status = STATUS_LINE.exec(statusLine);
  if (status === null) {
    answer.malformed = `bad status line ${JSON.stringify(statusLine)}`;
    return answer;
  }
  answer.status = Number(status[1]);
  for (const line of lines) {
    const header = HEADER_LINE.exec(line);
    if (header === null) {
      answer.malformed = `bad header line ${JSON.stringify(line)}`;
      return answer;
    }
    const name = header[1]!.toLowerCase();
    answer.headers[name] =
      name in answer.headers ? `${answer.headers[name]}, ${header[2]!}` : header[2]!;
  }
  answer.body = received.slice(end + 4);
  const length = answer.headers['content-length'];
  const expected = head || answer.status === 204 || answer.status === 304 ? 0 : Number(length);
  if (length !== undefined && expected !== answer.body.length) {
    answer.malformed = `Content-Length ${length} but ${answer.body.length} body bytes`;
  }
  return answer;
}

/**
 * Send `bytes` to 127.0.0.1:`port` and read until the server closes. A server may answer and
 * close before it has read a large body (a 413, a 400): the write error that follows is expected
 * and ignored once an answer has arrived.
 */
export function rawExchange(
  port: number,
  bytes: string | Buffer,
  timeoutMs = 15_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let timedOut = false;
    socket.setEncoding('latin1');
    socket.setTimeout(timeoutMs, () => {
      timedOut = true;
      socket.destroy();
    });
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk: string) => (received += chunk));
    const head = Buffer.from(bytes.slice(0, 5)).toString('latin1') === 'HEAD ';
    socket.on('close', () => resolve(parseAnswer(received, timedOut, head)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET'].includes(error.code ?? '')) reject(error);
    });
  });
}

/** A request with `Connection: close`, so the server closes after answering. */
export function httpRequest(
  target: string,
  {
    method = 'GET',
    host = '127.0.0.1',
    headers = [],
    body,
  }: {
    method?: string;
    /** The Host header's value, or `null` for none. */
    host?: string | null;
    headers?: readonly string[];
    body?: Buffer | string;
  } = {},
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`];
  if (host !== null) lines.push(`Host: ${host}`);
  lines.push(...headers);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  lines.push('Connection: close', '', '');
  const head = Buffer.from(lines.join('\r\n'), 'latin1');
  return body === undefined ? head : Buffer.concat([head, Buffer.from(body)]);
}
