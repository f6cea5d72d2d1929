/**
 * `pnpm bench`: requests per second serving a 1 KB and a 1 MB file, plain and gzip-negotiated,
 * from reins' static files middleware, @fastify/static and serve-static (Express), over real
 * sockets on loopback. The files are collected once by reins' collectstatic (which writes the .gz
 * and .br variants all three may use). Each server runs alone in a child process pinned to one
 * core (`taskset -c 1`), autocannon in this process on the other; targets alternate over
 * BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 3) each, and each round's ratio to the
 * fastest peer is reported with the median. Every response is checked before it is timed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  canPin,
  loadTest,
  median,
  ratioSummary,
  serveForBench,
  serverCpu,
  spawnServer,
  stopServer,
} from '@reins/bench-tools';
import { request } from 'undici';
import { collectstatic, Staticfiles } from '../src/index.js';
import { startTarget, TARGETS, type TargetName } from './targets.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

interface Case {
  name: string;
  path: string;
  headers: Record<string, string>;
  size: number;
}
const CASES: readonly Case[] = [
  { name: '1 KB', path: '/static/1k.txt', headers: {}, size: 1024 },
  { name: '1 KB gzip', path: '/static/1k.txt', headers: { 'accept-encoding': 'gzip' }, size: 1024 },
  { name: '1 MB', path: '/static/1m.txt', headers: {}, size: 1024 * 1024 },
  {
    name: '1 MB gzip',
    path: '/static/1m.txt',
    headers: { 'accept-encoding': 'gzip' },
    size: 1024 * 1024,
  },
];

if (process.argv[2] === '--serve') {
  serveForBench(await startTarget(process.argv[3] as TargetName, process.argv[4]!));
} else {
  await main();
}

function text(size: number): string {
  // Words from a small vocabulary with a seeded generator: compressible like real CSS/JS.
  const words = [
    'color',
    'margin',
    'padding',
    'border',
    'display',
    'flex',
    'grid',
    'none',
    '0',
    '1px',
    'solid',
    'auto',
  ];
  let seed = 7;
  let out = '';
  while (out.length < size) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += words[seed % words.length] + (seed % 7 === 0 ? ';\n' : ' ');
  }
  return out.slice(0, size);
}

function run(url: string, headers: Record<string, string>, duration: number) {
  return loadTest(url, { headers, connections: CONNECTIONS, duration });
}

async function check(url: string, item: Case, name: string): Promise<void> {
  // undici's request() sends no Accept-Encoding of its own and decodes nothing (unlike fetch).
  const response = await request(url, { headers: item.headers });
  const raw = Buffer.from(await response.body.arrayBuffer());
  const encoding = response.headers['content-encoding'] ?? null;
  const wantGzip = item.headers['accept-encoding'] === 'gzip';
  const body = encoding === 'gzip' ? gunzipSync(raw) : raw;
  if (
    response.statusCode !== 200 ||
    (wantGzip ? encoding !== 'gzip' : encoding !== null) ||
    body.length !== item.size
  ) {
    throw new Error(
      `${name} ${item.name}: status ${response.statusCode}, encoding ${String(encoding)}, ${body.length} bytes decoded`,
    );
  }
}

async function main(): Promise<void> {
  const pinned = canPin();
  const base = mkdtempSync(join(tmpdir(), 'reins-static-bench-'));
  mkdirSync(join(base, 'static'));
  writeFileSync(join(base, 'static', '1k.txt'), text(1024));
  writeFileSync(join(base, 'static', '1m.txt'), text(1024 * 1024));
  const root = join(base, 'collected');
  await collectstatic(
    new Staticfiles({
      staticUrl: '/static/',
      staticRoot: root,
      staticfilesDirs: [join(base, 'static')],
    }),
    { interactive: false, verbosity: 0 },
  );
  console.log(
    `reins staticfiles benchmark: ${CONNECTIONS} connections, ${SECONDS} s per target per case per round, ${ROUNDS} rounds (Node ${process.version}); ${pinned ? 'servers pinned to core 1, autocannon to core 0' : 'not pinned'}; load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  const samples = new Map<string, number[]>();
  // Server CPU time per request: robust to other load on the machine, unlike req/s.
  const cpuSamples = new Map<string, number[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
      for (const name of order) {
        const { proc, port } = await spawnServer(
          fileURLToPath(import.meta.url),
          ['--serve', name, root],
          pinned,
        );
        try {
          for (const item of CASES) {
            const url = `http://127.0.0.1:${port}${item.path}`;
            await check(url, item, name);
            await run(url, item.headers, 1);
            const before = await serverCpu(proc);
            const result = await run(url, item.headers, SECONDS);
            const cpu = ((await serverCpu(proc)) - before) / Math.max(1, result.requests.total);
            const errors = result.errors + result.timeouts + result.non2xx;
            if (errors > 0) throw new Error(`${name} ${item.name}: ${errors} errors`);
            const key = `${name}|${item.name}`;
            samples.set(key, [...(samples.get(key) ?? []), result.requests.average]);
            cpuSamples.set(key, [...(cpuSamples.get(key) ?? []), cpu]);
            console.log(
              `  round ${round + 1}  ${name.padEnd(15)} ${item.name.padEnd(10)} ${Math.round(result.requests.average).toString().padStart(7)} req/s  server CPU ${cpu.toFixed(1)} µs/req`,
            );
          }
        } finally {
          await stopServer(proc);
        }
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  console.log(
    '\nmedian req/s, and reins / fastest peer: median of the rounds\u2019 ratios [lowest–highest] (goal ≥ 1.0×)',
  );
  for (const item of CASES) {
    const of = (name: TargetName): number[] => samples.get(`${name}|${item.name}`) ?? [];
    const ratios = of('reins').map(
      (rps, index) => rps / Math.max(of('fastify-static')[index]!, of('express-static')[index]!),
    );
    const cells = TARGETS.map((name) => `${name} ${Math.round(median(of(name)))}`).join('  ');
    console.log(`  ${item.name.padEnd(10)} ${cells}  →  ${ratioSummary(ratios)}`);
  }
  console.log(
    '\nmedian server CPU µs/req, and per-core capacity reins / best peer (inverse CPU per request), as above',
  );
  for (const item of CASES) {
    const of = (name: TargetName): number[] => cpuSamples.get(`${name}|${item.name}`) ?? [];
    const ratios = of('reins').map(
      (cpu, index) => Math.min(of('fastify-static')[index]!, of('express-static')[index]!) / cpu,
    );
    const cells = TARGETS.map((name) => `${name} ${median(of(name)).toFixed(1)}`).join('  ');
    console.log(`  ${item.name.padEnd(10)} ${cells}  →  ${ratioSummary(ratios)}`);
  }
}
