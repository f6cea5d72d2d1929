/**
 * Replays recorded Django test traces through a package's mapper and classifies every case.
 */
import { signature, type Json, type Op, type SkipList, type SuiteFixture } from './trace.js';
import { compare, decode, hasOpaque, Unmapped, Unrecordable } from './values.js';

/** How one recorded op maps onto reins. Each method returns reins' answer or throws what reins throws. */
export interface Mapper {
  /** Constructs the reins counterpart of a Django class. */
  construct(type: string, args: unknown[], kwargs: Record<string, unknown>): unknown;
  /** A method call (`__getitem__`, `urlencode`…) on an object made earlier. */
  call(
    target: unknown,
    type: string,
    name: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
  ): unknown;
  /** An attribute read. */
  get(target: unknown, type: string, name: string): unknown;
  /** An attribute write. */
  set(target: unknown, type: string, name: string, value: unknown): unknown;
  /** A module-level function (`django.utils.http.urlencode`). */
  fn(name: string, args: unknown[], kwargs: Record<string, unknown>): unknown;
  /** Whether reins' error is the counterpart of Django's exception class. */
  errorMatches(pythonType: string, error: unknown): boolean;
  /** Runs before the tests of each fixture (the urls mapper reads its urlconfs). */
  beginFixture?(fixture: SuiteFixture): void;
  /** Runs before each op with its target: applies `op.state` and `op.settings` (a bare request's attributes, overridden settings). */
  beforeOp?(op: Op, target: unknown): void;
  /** Turns reins' answer into the shape Django's has (bytes vs text, a Map as a dict…) before comparing. */
  normalize?(value: unknown, expected: Json, op: Op, type: string | undefined): unknown;
  /** Whether a call changes its target's state (a failed mutation makes later cases on it meaningless). */
  mutates?(type: string, name: string): boolean;
}

/** The verdict on one case (one recorded op). */
export interface CaseResult {
  readonly id: string;
  readonly signature: string;
  readonly status: 'pass' | 'fail' | 'skipped' | 'unrecordable';
  /** For `skipped`: the skip list's reason; for `unrecordable`: why; for `fail`: what differs. */
  readonly reason: string;
}

const DEFAULT_MUTATIONS = new Set(['__setitem__', '__delitem__']);

async function settle<T>(value: T | Promise<T>): Promise<T> {
  return value;
}

/** Runs every recorded op of one Django test and returns one verdict per op. */
export async function replayTest(
  testId: string,
  ops: readonly Op[],
  mapper: Mapper,
  skips: SkipList,
): Promise<CaseResult[]> {
  const refs = new Map<number, unknown>();
  const types = new Map<number, string>();
  const blocked = new Map<number, string>(); // ref → the case that made it meaningless
  const results: CaseResult[] = [];
  // A whole test listed: its cases that differ are skipped with the reason; it must still differ.
  const testSkip = skips.cases[testId];
  let testSkipUsed = false;

  const bind = (n: number, type: string | undefined, actual: unknown): string | null => {
    // Fetching the same Django object again (response.cookies['c'] after set_cookie) may give a
    // new reins object; identity is not what the tests check, so the name follows the latest one.
    if (
      actual === null ||
      actual === undefined ||
      (typeof actual !== 'object' && typeof actual !== 'function')
    ) {
      return `Django returns a ${type ?? 'object'}, reins ${String(actual)}`;
    }
    refs.set(n, actual);
    if (type !== undefined) types.set(n, type);
    return null;
  };

  const refsIn = (value: Json | undefined, out: number[] = []): number[] => {
    if (value === null || value === undefined || typeof value !== 'object') return out;
    if (Array.isArray(value)) {
      for (const v of value) refsIn(v, out);
      return out;
    }
    if (typeof value.$ref === 'number') out.push(value.$ref);
    for (const v of Object.values(value)) refsIn(v, out);
    return out;
  };

  for (const [index, op] of ops.entries()) {
    const id = `${testId}#${index}`;
    const type = op.target === undefined ? op.type : types.get(op.target);
    const sig = signature(op, type);
    const produced = refsIn(op.result);
    const used = [
      ...(op.target === undefined ? [] : [op.target]),
      ...refsIn(op.args),
      ...refsIn(op.kwargs),
      ...refsIn(op.value),
    ];
    const push = (status: CaseResult['status'], reason: string): void => {
      results.push({ id, signature: sig, status, reason });
      if (status !== 'pass') {
        for (const n of produced) if (!refs.has(n)) blocked.set(n, `follows ${id}`);
        const mutation =
          op.op === 'set' ||
          (op.op === 'call' &&
            (DEFAULT_MUTATIONS.has(op.name ?? '') ||
              mapper.mutates?.(type ?? '', op.name ?? '') === true));
        if (mutation && op.target !== undefined) blocked.set(op.target, `follows ${id}`);
      }
    };

    const caseSkip = skips.cases[id];
    const unstable = skips.unstable[id] ?? skips.unstable[testId];
    if (unstable !== undefined) {
      push('skipped', unstable);
      continue;
    }
    const blocker = used.map((n) => blocked.get(n)).find((b) => b !== undefined);
    if (op.unrecordable !== undefined) {
      push('unrecordable', op.unrecordable);
      continue;
    }
    if (blocker !== undefined) {
      push('skipped', blocker);
      continue;
    }
    if (hasOpaque(op.result) && op.raises === undefined) {
      push('unrecordable', 'the answer is not data');
      continue;
    }

    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      const target = op.target === undefined ? undefined : refs.get(op.target);
      mapper.beforeOp?.(op, target);
      const args = (op.args ?? []).map((a) => decode(a, refs));
      const kwargs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(op.kwargs ?? {})) kwargs[k] = decode(v, refs);
      let value: unknown;
      switch (op.op) {
        case 'new':
          value = mapper.construct(op.type ?? '', args, kwargs);
          break;
        case 'fn':
          value = mapper.fn(op.name ?? '', args, kwargs);
          break;
        case 'call':
          value = mapper.call(target, type ?? '', op.name ?? '', args, kwargs);
          break;
        case 'get':
          value = mapper.get(target, type ?? '', op.name ?? '');
          break;
        case 'set':
          value = mapper.set(target, type ?? '', op.name ?? '', decode(op.value ?? null, refs));
          break;
      }
      outcome = { ok: true, value: await settle(value) };
    } catch (error) {
      outcome = { ok: false, error };
    }

    let difference: string | null;
    let unmappedKey: string | undefined;
    if (!outcome.ok && outcome.error instanceof Unrecordable) {
      push('unrecordable', outcome.error.message);
      continue;
    }
    if (!outcome.ok && outcome.error instanceof Unmapped) {
      difference = `no reins equivalent: ${outcome.error.message}`;
      unmappedKey = outcome.error.key;
    } else if (op.raises !== undefined) {
      if (outcome.ok)
        difference = `Django raises ${op.raises.type} (${op.raises.message}), reins returns ${String(outcome.value)}`;
      else if (mapper.errorMatches(op.raises.type, outcome.error)) difference = null;
      else
        difference = `Django raises ${op.raises.type} (${op.raises.message}), reins throws ${describe(outcome.error)}`;
    } else if (!outcome.ok) {
      difference = `Django answers ${JSON.stringify(op.result)}, reins throws ${describe(outcome.error)}`;
    } else {
      const expected = op.result ?? null;
      const value = mapper.normalize
        ? mapper.normalize(outcome.value, expected, op, type)
        : outcome.value;
      difference = compare(expected, value, bind);
    }

    if (difference === null) {
      push(
        caseSkip === undefined ? 'pass' : 'fail',
        caseSkip === undefined
          ? ''
          : `listed as a difference ("${caseSkip}") but agrees with Django now: delete its line in the skip list`,
      );
      continue;
    }
    if (testSkip !== undefined && caseSkip === undefined) testSkipUsed = true;
    const reason =
      caseSkip ??
      testSkip ??
      (unmappedKey === undefined ? undefined : skips.apis[`unmapped ${unmappedKey}`]) ??
      skips.apis[sig];
    push(reason === undefined ? 'fail' : 'skipped', reason ?? difference);
  }
  if (testSkip !== undefined && !testSkipUsed) {
    results.push({
      id: testId,
      signature: 'test',
      status: 'fail',
      reason: `listed as a difference ("${testSkip}") but agrees with Django now: delete its line in the skip list`,
    });
  }
  return results;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Replays every test of the fixtures. */
export async function replaySuite(
  fixtures: readonly SuiteFixture[],
  mapper: Mapper,
  skips: SkipList,
): Promise<Map<string, CaseResult[]>> {
  const out = new Map<string, CaseResult[]>();
  for (const fixture of fixtures) {
    mapper.beginFixture?.(fixture);
    for (const [testId, test] of Object.entries(fixture.tests)) {
      out.set(testId, await replayTest(testId, test.ops, mapper, skips));
    }
  }
  return out;
}

/** Found / recorded / skipped by reason / passing / failing, for the README's table. */
export interface SuiteSummary {
  readonly tests: number;
  readonly found: number;
  readonly recorded: number;
  readonly passing: number;
  readonly failing: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly unrecordable: Readonly<Record<string, number>>;
}

/** Counts the verdicts; blocked cases are grouped under "follows a skipped case". */
export function summarize(results: Map<string, CaseResult[]>): SuiteSummary {
  let found = 0;
  let passing = 0;
  let failing = 0;
  const skipped: Record<string, number> = {};
  const unrecordable: Record<string, number> = {};
  for (const cases of results.values()) {
    for (const c of cases) {
      found++;
      if (c.status === 'pass') passing++;
      else if (c.status === 'fail') failing++;
      else if (c.status === 'skipped') {
        const reason = c.reason.startsWith('follows ')
          ? 'follows a skipped or failing case on the same object'
          : c.reason;
        skipped[reason] = (skipped[reason] ?? 0) + 1;
      } else {
        const reason = c.reason.replace(/#\d+/g, '#n');
        unrecordable[reason] = (unrecordable[reason] ?? 0) + 1;
      }
    }
  }
  const unrec = Object.values(unrecordable).reduce((a, b) => a + b, 0);
  return {
    tests: results.size,
    found,
    recorded: found - unrec,
    passing,
    failing,
    skipped,
    unrecordable,
  };
}
