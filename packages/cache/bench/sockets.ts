/**
 * A page over real sockets on loopback: raw `node:http` writing the rendered page as a constant,
 * the reins view behind `cachePage(60)` (served from the local-memory cache after the first
 * request: URL md5s, two cache reads, the response rebuilt), and the same view uncached (it
 * renders the list each time). The reins targets are `@reins/http`'s Node adapter around the
 * view, without `@reins/server`'s handler, which has its own benchmark. Each server runs in its own
 * child process; autocannon drives it from this one; targets alternate over rounds and the
 * median of each round's ratio is printed. BENCH_SECONDS (default 3), BENCH_ROUNDS (default 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Buffer } from 'node:buffer';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { HttpResponse, requestFromNode, writeNodeResponse, type HttpRequest } from '@reins/http';
import { cachePage } from '../src/index.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TARGETS = ['raw', 'adapter', 'cached', 'uncached'] as const;
type Target = (typeof TARGETS)[number];

const ARTICLES = Array.from({ length: 50 }, (_, i) => ({
  id: i,
  title: `Article number ${i} & more`,
}));
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
function articleList(_request: HttpRequest): HttpResponse {
  const items = ARTICLES.map(
    (a) => `<li><a href="/articles/${a.id}/">${escape(a.title)}</a></li>`,
  ).join('');
  return new HttpResponse(
    `<!doctype html><html><head><title>Articles</title></head><body><ul>${items}</ul></body></html>`,
  );
}
const PAGE = articleList(null as never).text();

export async function child(target: string): Promise<void> {
  let handler: (incoming: IncomingMessage, outgoing: ServerResponse) => unknown;
  if (target === 'raw') {
    const length = String(Buffer.byteLength(PAGE));
    handler = (_incoming, outgoing) => {
      outgoing.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': length,
      });
      outgoing.end(PAGE);
    };
  } else {
    const constant = (_request: HttpRequest) => new HttpResponse(PAGE);
    const view =
      target === 'cached'
        ? cachePage(60)(articleList)
        : target === 'adapter'
          ? constant
          : articleList;
    handler = async (incoming, outgoing) => {
      const request = requestFromNode(incoming, { allowedHosts: ['127.0.0.1'] });
      await writeNodeResponse(await view(request), outgoing, request);
    };
  }
  const server = createServer((incoming, outgoing) => void handler(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (message: { cpu?: boolean }) => {
    if (message.cpu) process.send?.({ usage: process.cpuUsage() });
  });
  process.send?.({ ready: (server.address() as AddressInfo).port });
}

function spawnTarget(script: URL, target: Target): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(script), '--serve', target],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    proc.once('message', (message: { ready?: number }) => {
      if (typeof message.ready === 'number') resolve({ proc, port: message.ready });
    });
    proc.once('exit', (code) => reject(new Error(`target ${target} exited with ${code}`)));
  });
}

function cpuOf(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { usage?: NodeJS.CpuUsage }) => {
      if (!message.usage) return;
      proc.off('message', onMessage);
      resolve(message.usage.user + message.usage.system);
    };
    proc.on('message', onMessage);
    proc.send({ cpu: true });
  });
}

const load = (url: string, duration: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 50, duration }, (error: Error | null, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

interface Sample {
  rps: number;
  cpu: number;
  errors: number;
}

async function measure(script: URL, target: Target): Promise<Sample> {
  const { proc, port } = await spawnTarget(script, target);
  try {
    const url = `http://127.0.0.1:${port}/articles/`;
    const probe = await (await fetch(url)).text();
    if (probe !== PAGE)
      throw new Error(`target ${target} served something else: ${probe.slice(0, 100)}`);
    await load(url, 1);
    const before = await cpuOf(proc);
    const result = await load(url, SECONDS);
    const after = await cpuOf(proc);
    return {
      rps: result.requests.average,
      cpu: (after - before) / Math.max(1, result.requests.total),
      errors: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    proc.removeAllListeners('exit');
    proc.kill('SIGKILL');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function socketsBench(script: URL): Promise<void> {
  console.log(
    `\nGET /articles/ over loopback, 50 connections, ${SECONDS} s per target, ${ROUNDS} rounds`,
  );
  const samples = new Map<Target, Sample[]>(TARGETS.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
    for (const target of order) {
      const sample = await measure(script, target);
      samples.get(target)!.push(sample);
      console.log(
        `  round ${round + 1}  ${target.padEnd(9)} ${Math.round(sample.rps).toString().padStart(7)} req/s  ${sample.cpu.toFixed(1)} µs CPU/req  errors ${sample.errors}`,
      );
    }
  }
  const ratio = (a: Target, b: Target, of: (x: Sample, y: Sample) => number) =>
    median(samples.get(a)!.map((x, i) => of(x, samples.get(b)![i]!)));
  const byRps = (x: Sample, y: Sample) => x.rps / y.rps;
  const byCpu = (x: Sample, y: Sample) => y.cpu / x.cpu;
  const line = (label: string, value: number, goal?: number) =>
    console.log(
      `  ${label.padEnd(44)} ${value.toFixed(2)}×${goal === undefined ? '' : `  (goal ≥ ${goal}×: ${value >= goal ? 'met' : 'NOT met'})`}`,
    );
  console.log(
    '\nratios: median of the rounds (req/s is bounded by autocannon sharing the two cores; per-core capacity = inverse server CPU per request)',
  );
  line('cached / raw node:http (req/s)', ratio('cached', 'raw', byRps), 0.9);
  line('cached / raw node:http (per-core capacity)', ratio('cached', 'raw', byCpu), 0.9);
  line('cached / adapter floor (per-core capacity)', ratio('cached', 'adapter', byCpu));
  line('adapter floor / raw node:http (per-core capacity)', ratio('adapter', 'raw', byCpu));
  line('cached / uncached (req/s)', ratio('cached', 'uncached', byRps));
  line('cached / uncached (per-core capacity)', ratio('cached', 'uncached', byCpu));
}
