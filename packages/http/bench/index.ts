/**
 * GET through the Node adapters vs raw node:http, in the same script: two servers on 127.0.0.1
 * answer the same small HTML page; a child process (bench/load.mjs, undici keep-alive pool)
 * drives each in turn, alternating runs so drift hits both alike. Prints requests per second
 * and the ratio reins / raw (goal ≥ 0.95).
 */
import { execFile } from 'node:child_process';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HttpResponse, requestFromNode, writeNodeResponse } from '../src/index.js';

const run = promisify(execFile);
const BODY =
  '<!doctype html><html><head><title>Hello</title></head><body><p>Hello, world!</p></body></html>';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 20000);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const options = { allowedHosts: ['127.0.0.1'] };

const raw: RequestListener = (_incoming, outgoing) => {
  outgoing.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(BODY),
  });
  outgoing.end(BODY);
};

const reins: RequestListener = (incoming, outgoing) => {
  const request = requestFromNode(incoming, options);
  void writeNodeResponse(new HttpResponse(BODY), outgoing, request);
};

async function listen(listener: RequestListener): Promise<{ url: string; close: () => void }> {
  const server = createServer({ keepAliveTimeout: 60_000 }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hello/?name=world`, close: () => server.close() };
}

interface Measure {
  /** Requests per second seen by the load generator. */
  rps: number;
  /** Server CPU time (user + system) per request, in microseconds: robust to a busy machine. */
  cpuPerRequest: number;
}

async function load(url: string): Promise<Measure> {
  const script = fileURLToPath(new URL('./load.mjs', import.meta.url));
  const before = process.cpuUsage();
  const { stdout } = await run(process.execPath, [
    script,
    url,
    String(REQUESTS),
    String(CONNECTIONS),
  ]);
  const cpu = process.cpuUsage(before);
  const result = JSON.parse(stdout) as { rps: number; failed: number; requests: number };
  if (result.failed > 0) throw new Error(`${result.failed} requests failed against ${url}`);
  // load.mjs sends 500 warm-up requests before the measured ones.
  return { rps: result.rps, cpuPerRequest: (cpu.user + cpu.system) / (result.requests + 500) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const rawServer = await listen(raw);
const reinsServer = await listen(reins);
const rawRates: number[] = [];
const reinsRates: number[] = [];
const ratios: number[] = [];
const cpuRatios: number[] = [];
const rawCpu: number[] = [];
const reinsCpu: number[] = [];
console.log(
  `GET small HTML page: ${ROUNDS} alternating rounds of ${REQUESTS} requests, ${CONNECTIONS} keep-alive connections`,
);
// One discarded round each, so both servers' code is optimised before anything is measured.
await load(rawServer.url);
await load(reinsServer.url);
for (let round = 1; round <= ROUNDS; round += 1) {
  // Alternate the order too, so neither side always runs first.
  const first = round % 2 === 1;
  const a = first ? await load(rawServer.url) : await load(reinsServer.url);
  const b = first ? await load(reinsServer.url) : await load(rawServer.url);
  const rawMeasure = first ? a : b;
  const reinsMeasure = first ? b : a;
  rawRates.push(rawMeasure.rps);
  reinsRates.push(reinsMeasure.rps);
  ratios.push(reinsMeasure.rps / rawMeasure.rps);
  rawCpu.push(rawMeasure.cpuPerRequest);
  reinsCpu.push(reinsMeasure.cpuPerRequest);
  cpuRatios.push(rawMeasure.cpuPerRequest / reinsMeasure.cpuPerRequest);
  console.log(
    `round ${round}: raw ${rawMeasure.rps.toFixed(0)} req/s (${rawMeasure.cpuPerRequest.toFixed(1)} µs CPU/req), ` +
      `reins ${reinsMeasure.rps.toFixed(0)} req/s (${reinsMeasure.cpuPerRequest.toFixed(1)} µs CPU/req), ` +
      `throughput ratio ${(reinsMeasure.rps / rawMeasure.rps).toFixed(3)}, CPU ratio ${(rawMeasure.cpuPerRequest / reinsMeasure.cpuPerRequest).toFixed(3)}`,
  );
}
rawServer.close();
reinsServer.close();
console.log(
  `median throughput: raw ${median(rawRates).toFixed(0)} req/s, reins ${median(reinsRates).toFixed(0)} req/s, ratio ${median(ratios).toFixed(3)}× raw`,
);
console.log(
  `median server CPU per request: raw ${median(rawCpu).toFixed(1)} µs, reins ${median(reinsCpu).toFixed(1)} µs, ` +
    `ratio ${median(cpuRatios).toFixed(3)}× raw (goal ≥ 0.95; the CPU ratio is the steadier figure on a shared machine)`,
);
