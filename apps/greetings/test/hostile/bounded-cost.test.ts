/**
 * Issue #19's property: any request that reaches the demo over a raw socket costs a bounded
 * amount of server CPU (≤ {@link CPU_FACTOR}× the cheapest page), disk (nothing in the temp
 * directory: no demo view reads a body) and log (one access line, each record a single clean
 * line), and gets a well-formed HTTP/1.1 answer that is not a 500. The corpus is drawn by
 * fast-check from a fixed seed (`HOSTILE_SEED` to change it), sent one request at a time, and
 * every breach of every bound is reported at once; the worst CPU cases are printed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CPU_FACTOR,
  accessLogProblems,
  answerProblems,
  baselineCpuNs,
  diskProblems,
  lostToReset,
  multilineProblems,
} from './bounds.js';
import { bodilessRequest, bodyRequest, type CorpusRequest } from './corpus.js';
import {
  refusedByNode,
  startDemoUnderTest,
  type DemoUnderTest,
  type Observation,
} from './demo-under-test.js';

const SEED = Number(process.env.HOSTILE_SEED ?? 19);
const BODILESS_RUNS = 200;
const BODY_RUNS = 40;

interface Run {
  request: CorpusRequest;
  observation: Observation;
}

let demo: DemoUnderTest;
let baselineNs: number;
let bodiless: Run[] = [];
let withBody: Run[] = [];

async function send(requests: CorpusRequest[]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const request of requests) {
    runs.push({ request, observation: await demo.observe(request.bytes) });
  }
  return runs;
}

beforeAll(async () => {
  demo = await startDemoUnderTest();
  baselineNs = await baselineCpuNs(demo);
  bodiless = await send(fc.sample(bodilessRequest, { seed: SEED, numRuns: BODILESS_RUNS }));
  withBody = await send(fc.sample(bodyRequest, { seed: SEED, numRuns: BODY_RUNS }));
}, 120_000);

afterAll(async () => {
  await demo?.stop();
  const ms = (ns: number) => `${(ns / 1e6).toFixed(2)} ms`;
  const report = (label: string, runs: Run[]) => {
    const statuses = new Map<string, number>();
    for (const { observation } of runs) {
      const key = String(observation.answer.status ?? 'none');
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const worst = [...runs].sort((a, b) => b.observation.cpuNs - a.observation.cpuNs).slice(0, 5);
    const byNode = runs.filter(({ observation }) => refusedByNode(observation.answer)).length;
    return [
      `${label}: ${runs.length} requests (${byNode} answered by Node before the demo); statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}; worst server CPU:`,
      ...worst.map(
        ({ request, observation }) => `  ${ms(observation.cpuNs).padStart(11)}  ${request.summary}`,
      ),
    ];
  };
  console.log(
    [
      `Hostile corpus, seed ${SEED}. Server CPU baseline ${ms(baselineNs)} (median of /greetings/), bound ${ms(CPU_FACTOR * baselineNs)}.`,
      ...report('Without a body', bodiless),
      ...report('With a body', withBody),
    ].join('\n'),
  );
});

/** Every breach of `check` in `runs`, described with the request that caused it. */
function breaches(runs: Run[], check: (observation: Observation) => string[]): string[] {
  return runs.flatMap(({ request, observation }) =>
    check(observation).map((problem) => `${request.summary}: ${problem}`),
  );
}

const cpuWithinBound = (observation: Observation): string[] =>
  observation.cpuNs <= CPU_FACTOR * baselineNs
    ? []
    : [
        `${(observation.cpuNs / 1e6).toFixed(1)} ms of server CPU (${(observation.cpuNs / baselineNs).toFixed(0)}× the baseline)`,
      ];

describe(`${BODILESS_RUNS} generated requests without a body (paths, methods, Host headers)`, () => {
  it('each gets a well-formed HTTP/1.1 answer, never a 500', () => {
    expect(breaches(bodiless, answerProblems)).toEqual([]);
  });
  it(`each costs at most ${CPU_FACTOR}× the server CPU of the cheapest page`, () => {
    expect(breaches(bodiless, cpuWithinBound)).toEqual([]);
  });
  it('each writes one access line and clean records (no control characters)', () => {
    expect(breaches(bodiless, accessLogProblems)).toEqual([]);
  });
  // Item 1 follow-up, on no fix branch: a bad Host's security record prints its stack (Django's
  // security logger logs the message without exc_info), ten more lines per request.
  it('each record is a single line', () => {
    expect(breaches(bodiless, multilineProblems)).toEqual([]);
  });
  it('none writes to the temp directory', () => {
    expect(breaches(bodiless, diskProblems)).toEqual([]);
  });
});

describe(`${BODY_RUNS} generated requests with a body (multipart, urlencoded, malformed)`, () => {
  // An answer lost to a reset (see lostToReset: the server answered, then closed on an unread
  // body) is counted and printed rather than failed: whether it happens is a matter of timing.
  it('each gets a well-formed HTTP/1.1 answer, never a 500', () => {
    const delivered = withBody.filter(({ observation }) => !lostToReset(observation));
    expect(breaches(delivered, answerProblems)).toEqual([]);
    const lost = withBody.length - delivered.length;
    if (lost > 0)
      console.log(
        `${lost} of ${withBody.length} answers lost to a reset (server closed on an unread body)`,
      );
  });
  it(`each costs at most ${CPU_FACTOR}× the server CPU of the cheapest page`, () => {
    expect(breaches(withBody, cpuWithinBound)).toEqual([]);
  });
  it('each writes one access line and clean records (no control characters)', () => {
    expect(breaches(withBody, accessLogProblems)).toEqual([]);
  });
  it('each record is a single line', () => {
    expect(breaches(withBody, multilineProblems)).toEqual([]);
  });
  it('none writes to the temp directory', () => {
    expect(breaches(withBody, diskProblems)).toEqual([]);
  });
});

it('leaves the temp directory empty', () => {
  expect(demo.tempSize()).toBe(0);
});
