/**
 * The write path in process, without sockets: Node's `ServerResponse` onto a socket that drops
 * what it is given, so the figures are Node's HTTP machinery (`writeHead`'s header checks, the
 * head joined, `end()`, its ticks) and, for reins, `writeNodeResponse` on top — told apart per
 * response shape: raw `node:http` handing Node a header object built once, against reins writing
 * a response with the same headers. Rounds interleave the cases; medians and ranges are printed.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { HttpRequest, HttpResponse, writeNodeResponse } from '@reins/http';
import { median } from '@reins/bench-tools';
import { BODY, HTML } from './targets.js';

const discard = (): Duplex =>
  new Duplex({
    read() {},
    write(_chunk, _encoding, callback) {
      callback();
    },
    writev(_chunks, callback) {
      callback();
    },
  });

// Node's end() queues its 'finish' work on nextTick: yield now and then so it runs, as it would
// between requests.
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Print ns per response (CPU time) for each case, median of the rounds [range], minus the base. */
export async function writePath(iterations = 50_000, rounds = 7): Promise<void> {
  const incoming = new IncomingMessage(discard() as never);
  incoming.method = 'GET';
  const length = String(Buffer.byteLength(BODY));
  const expires = new Date(Date.now() + 60_000).toUTCString();
  const cacheHeaders = { 'content-type': HTML, expires, 'cache-control': 'max-age=60' };
  const mwHeaders = {
    'content-type': HTML,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
  const request = new HttpRequest({
    method: 'GET',
    url: '/hello/',
    headers: { host: '127.0.0.1' },
    options: { allowedHosts: ['127.0.0.1'] },
  });
  // One response object per case, written again and again: only the write is measured.
  const plain = new HttpResponse(BODY, { contentType: HTML });
  const cached = new HttpResponse(BODY, { headers: cacheHeaders });
  const withMiddleware = new HttpResponse(BODY, {
    headers: { ...mwHeaders, 'content-length': length },
  });
  type Write = (outgoing: ServerResponse) => void;
  // The head built once, as the raw targets do: Node only reads it.
  const raw = (headers: Record<string, string>): Write => {
    const head = { ...headers, 'content-length': length };
    return (outgoing) => {
      outgoing.writeHead(200, head);
      outgoing.end(BODY);
    };
  };
  const reins =
    (response: HttpResponse): Write =>
    (outgoing) => {
      void writeNodeResponse(response, outgoing, request);
    };
  const cases: [string, Write][] = [
    ['base (a ServerResponse on a socket)', () => {}],
    ['raw, content-type', raw({ 'content-type': HTML })],
    ['reins, content-type', reins(plain)],
    ['raw, page-cache headers', raw(cacheHeaders)],
    ['reins, page-cache headers', reins(cached)],
    ['raw, 3 middleware headers', raw(mwHeaders)],
    ['reins, 3 middleware headers', reins(withMiddleware)],
  ];
  const samples = new Map<string, number[]>(cases.map(([label]) => [label, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [label, write] of round % 2 === 0 ? cases : [...cases].reverse()) {
      await tick();
      const start = process.cpuUsage();
      for (let index = 0; index < iterations; index++) {
        const outgoing = new ServerResponse(incoming);
        outgoing.assignSocket(discard() as never);
        write(outgoing);
        if (index % 500 === 499) await tick();
      }
      const used = process.cpuUsage(start);
      samples.get(label)!.push(((used.user + used.system) * 1000) / iterations);
    }
  }
  const base = median(samples.get(cases[0]![0])!);
  console.log(
    `\nwrite path in process (no sockets), CPU ns per response over a ${base.toFixed(0)} ns base: median [range]`,
  );
  for (const [label] of cases.slice(1)) {
    const values = samples.get(label)!.map((value) => value - base);
    const range = `[${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}]`;
    console.log(`  ${label.padEnd(30)} ${median(values).toFixed(0).padStart(6)} ${range}`);
  }
}
