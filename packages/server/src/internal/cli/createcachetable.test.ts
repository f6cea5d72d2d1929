import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createcachetable } from './createcachetable.js';

const APP = resolve(import.meta.dirname, '../../../test/fixtures/app.ts');
const REGISTRY = Symbol.for('reins.cache.registry');
const global = globalThis as Record<symbol, unknown>;

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
    out,
    err,
  };
}

describe('reins createcachetable', () => {
  afterEach(() => {
    delete global[REGISTRY];
  });

  it('says what to do when the app does not use @reins/cache', async () => {
    delete global[REGISTRY];
    const { io, out, err } = collect();
    expect(await createcachetable({ app: APP }, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(
      /^CommandError: the app does not use @reins\/cache\. Install it and call configureCaches/,
    );
  });

  it("prints what the app's cache package reports, passing --dry-run on", async () => {
    const calls: unknown[] = [];
    global[REGISTRY] = {
      createCacheTables: (options: unknown) => {
        calls.push(options);
        return Promise.resolve(["Cache table 'my_cache_table' created."]);
      },
    };
    const { io, out } = collect();
    expect(await createcachetable({ app: APP, dryRun: true }, io)).toBe(0);
    expect(out).toEqual(["Cache table 'my_cache_table' created."]);
    expect(calls).toEqual([{ dryRun: true }]);
  });
});
