/**
 * A Map with Django's cache timeouts (seconds; 0 or less expires at once; null never), for the
 * cache-backed stores' own tests. The contract also runs on @reins/cache's real local-memory and
 * Redis caches, in packages/server/test (sessions may not import @reins/cache). Records every
 * call, and can fail like a cache outage.
 */
import type { SessionCache } from '../../src/stores/session-cache.js';

export class MemoryCache implements SessionCache {
  readonly entries = new Map<string, { value: unknown; expires: number }>();
  readonly calls: [method: string, key: string, value?: unknown, timeout?: number | null][] = [];
  down = false;

  #live(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    if (entry.expires > Date.now()) return true;
    this.entries.delete(key);
    return false;
  }

  #check(): void {
    if (this.down) throw new Error('the memory cache is down');
  }

  get(key: string): Promise<unknown> {
    this.calls.push(['get', key]);
    this.#check();
    return Promise.resolve(this.#live(key) ? structuredClone(this.entries.get(key)!.value) : null);
  }

  set(key: string, value: unknown, timeout: number | null = 300): Promise<void> {
    this.calls.push(['set', key, value, timeout]);
    this.#check();
    const expires = timeout === null ? Infinity : Date.now() + timeout * 1000;
    this.entries.set(key, { value: structuredClone(value), expires });
    return Promise.resolve();
  }

  async add(key: string, value: unknown, timeout: number | null = 300): Promise<boolean> {
    this.calls.push(['add', key, value, timeout]);
    this.#check();
    if (this.#live(key)) return false;
    await this.set(key, value, timeout);
    this.calls.pop();
    return true;
  }

  delete(key: string): Promise<boolean> {
    this.calls.push(['delete', key]);
    this.#check();
    return Promise.resolve(this.entries.delete(key));
  }
}
