/**
 * `pnpm bench`: what MessageMiddleware costs per request, in process — nothing to do, adding a
 * message (the signed, compressed cookie written), and showing one (read, then the cookie
 * deleted) — over SessionMiddleware alone; then the deflate of a typical messages cookie with
 * pako (what CookieStorage uses, to write Django's bytes) against node:zlib (the peer it
 * replaces). Medians of three rounds: the machine is shared.
 */
import { deflateSync } from 'node:zlib';
import { HttpRequest, HttpResponse } from '@reins/http';
import type { GetResponse } from '@reins/middleware';
import { SessionMiddleware } from '@reins/sessions';
import { medianOfRounds } from '@reins/bench-tools';
import { bench, do_not_optimize } from 'mitata';
import pako from 'pako';
import { getMessages, MessageMiddleware, success } from '../src/index.js';

const settings = { secretKey: 'bench-secret-key-bench-secret-key-bench-secret-key' };
const request = (cookie?: string) =>
  new HttpRequest({
    url: '/',
    headers: cookie ? { host: 'localhost', cookie } : { host: 'localhost' },
  });
const page = () => new HttpResponse('page');

const sessionOnly = (view: GetResponse) => SessionMiddleware(view, settings);
const withMessages = (view: GetResponse) =>
  SessionMiddleware(MessageMiddleware(view, settings), settings);

const alone = sessionOnly(page);
const quiet = withMessages(page);
const adding = withMessages((req) => {
  success(req, 'Profile details updated.');
  return page();
});
const showing = withMessages((req) => {
  for (const message of getMessages(req)) do_not_optimize(message.tags);
  return page();
});
const written = (await adding(request())) as HttpResponse;
const cookie = `messages=${written.cookies.get('messages')!.value}`;
const shown = (await showing(request(cookie))) as HttpResponse;
if (shown.cookies.get('messages')?.maxAge !== 0)
  throw new Error('showing did not delete the cookie');

const payload = Buffer.from(
  '[["__json_message",0,25,"Profile details updated.","sticky"],["__json_message",0,20,"Three credits remain in your account."]]',
  'latin1',
);

const cases: [string, () => unknown][] = [
  ['SessionMiddleware alone', () => alone(request())],
  ['+ MessageMiddleware, no messages', () => quiet(request())],
  ['+ MessageMiddleware, add one (cookie written)', () => adding(request())],
  ['+ MessageMiddleware, show one (cookie read, deleted)', () => showing(request(cookie))],
  ['deflate: pako', () => pako.deflate(payload)],
  ['deflate: node:zlib', () => deflateSync(payload)],
];
for (const [name, fn] of cases) bench(name, () => do_not_optimize(fn()));

const median = await medianOfRounds(3);
const base = median.get('SessionMiddleware alone')!;
console.log(
  `@reins/messages — per request, in process (Node ${process.version}; median of three rounds)\n`,
);
console.log('case'.padEnd(54) + 'p50 ns'.padStart(10) + 'over session'.padStart(14));
for (const [name, p50] of median) {
  const over = name.startsWith('+') ? (p50 - base).toFixed(0) : '';
  console.log(name.padEnd(54) + p50.toFixed(0).padStart(10) + over.padStart(14));
}
const ratio = median.get('deflate: node:zlib')! / median.get('deflate: pako')!;
console.log(
  `\ndeflate of a two-message cookie: node:zlib / pako = ${ratio.toFixed(2)}× (≥ 1.0× means pako is faster)`,
);
