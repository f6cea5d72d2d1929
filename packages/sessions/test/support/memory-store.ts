/**
 * A server-side store kept in a Map, for tests: sync, or async (every answer a promise) to drive
 * the middleware's async path, and able to fail like an outage.
 */
import { setImmediate } from 'node:timers/promises';
import { generateSessionKey } from '../../src/generate-session-key.js';
import type { SessionData, SessionSaveOptions, SessionStore } from '../../src/session-store.js';
import { UpdateError } from '../../src/session-store.js';

export class MemoryStore implements SessionStore {
  readonly name: string;
  readonly sync: boolean;
  readonly rows = new Map<string, { data: string; expires: number }>();
  /** Every call, for tests that count store round trips. */
  readonly calls: string[] = [];
  /** Set to make every call throw, as a store outage does. */
  down = false;

  constructor(options: { async?: boolean } = {}) {
    this.sync = !options.async;
    this.name = options.async ? 'async memory session store' : 'memory session store';
  }

  #answer<T>(method: string, run: () => T): T | Promise<T> {
    this.calls.push(method);
    if (this.sync) {
      if (this.down) throw new Error(`${this.name} is down`);
      return run();
    }
    return setImmediate().then(() => {
      if (this.down) throw new Error(`${this.name} is down`);
      return run();
    });
  }

  #live(key: string): boolean {
    const row = this.rows.get(key);
    return row !== undefined && row.expires > Date.now();
  }

  load(sessionKey: string): SessionData | null | Promise<SessionData | null> {
    return this.#answer('load', () =>
      this.#live(sessionKey) ? (JSON.parse(this.rows.get(sessionKey)!.data) as SessionData) : null,
    );
  }

  save(
    sessionKey: string | null,
    data: SessionData,
    options: SessionSaveOptions,
  ): string | Promise<string> {
    return this.#answer('save', () => {
      let key = sessionKey;
      if (options.mustCreate) {
        while (key === null || this.rows.has(key)) key = generateSessionKey();
      } else if (key === null || !this.rows.has(key)) {
        throw new UpdateError(this.name, key ?? '');
      }
      this.rows.set(key, { data: JSON.stringify(data), expires: options.expireDate.getTime() });
      return key;
    });
  }

  exists(sessionKey: string): boolean | Promise<boolean> {
    return this.#answer('exists', () => this.rows.has(sessionKey));
  }

  delete(sessionKey: string): void | Promise<void> {
    return this.#answer('delete', () => {
      this.rows.delete(sessionKey);
    });
  }

  clearExpired(): void | Promise<void> {
    return this.#answer('clearExpired', () => {
      for (const [key, row] of this.rows) if (row.expires <= Date.now()) this.rows.delete(key);
    });
  }
}
