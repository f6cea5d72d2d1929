import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changepassword, createsuperuser, type PromptIo } from './auth-commands.js';

const APP = resolve(import.meta.dirname, '../../../test/fixtures/app.ts');
const REGISTRY = Symbol.for('reins.auth.registry');
const global = globalThis as Record<symbol, unknown>;

function collect(): { io: PromptIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      prompt: () => Promise.resolve(null),
    },
    out,
    err,
  };
}

describe('reins createsuperuser / changepassword', () => {
  afterEach(() => {
    delete global[REGISTRY];
  });

  it('say what to do when the app does not use @reins/auth', async () => {
    for (const command of [createsuperuser, changepassword]) {
      const { io, err } = collect();
      expect(await command({ app: APP }, io)).toBe(1);
      expect(err[0]).toMatch(
        /^CommandError: the app does not use @reins\/auth\. Add AuthenticationMiddleware/,
      );
    }
  });

  it("run the auth package's commands with the options and the terminal", async () => {
    const calls: unknown[] = [];
    global[REGISTRY] = {
      createsuperuser: (options: unknown, io: PromptIo) => {
        calls.push(['createsuperuser', options]);
        io.out('Superuser created successfully.');
        return Promise.resolve(0);
      },
      changepassword: (options: unknown) => {
        calls.push(['changepassword', options]);
        return Promise.resolve(1);
      },
    };
    const { io, out } = collect();
    expect(await createsuperuser({ app: APP, username: 'admin', noinput: true }, io)).toBe(0);
    expect(await changepassword({ app: APP, username: 'demo' }, io)).toBe(1);
    expect(out).toEqual(['Superuser created successfully.']);
    expect(calls).toEqual([
      ['createsuperuser', { app: APP, username: 'admin', noinput: true }],
      ['changepassword', { app: APP, username: 'demo' }],
    ]);
  });
});
