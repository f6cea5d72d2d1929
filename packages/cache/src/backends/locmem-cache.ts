/**
 * {@link LocMemCache}: Django's `LocMemCache`, a per-process LRU cache on `lru-cache`.
 *
 * Django's `MAX_ENTRIES`/`CULL_FREQUENCY` map onto it exactly: when a `set` finds the cache full
 * it first drops `size / cullFrequency` least recently used entries (all of them for 0), as
 * Django's `_cull`; `lru-cache`'s own `max` (= `maxEntries`) is the hard bound behind that, so
 * the cache never holds more than `maxEntries` even where Django's integer division culls none.
 * Objects are stored serialised (Django pickles them), so changing an object after `set` does not
 * change the cached one; strings, numbers, booleans, bigints, null and frozen objects
 * (`Object.freeze`, which cannot change) are kept as they are, without the copy.
 *
 * @module
 */
import { LRUCache } from 'lru-cache';
import {
  BaseCache,
  MISSING,
  type BaseCacheOptions,
  type Maybe,
  type Timeout,
} from '../base-cache.js';
import { decodeValue, encodeValue } from '../internal/codec.js';
import { READ_MADE } from '../internal/sync-cache.js';

/**
 * Options of {@link LocMemCache}.
 *
 * @example
 * const options: LocMemCacheOptions = { location: 'unique-snowflake', maxEntries: 1000 };
 */
export interface LocMemCacheOptions extends BaseCacheOptions {
  /** Caches with the same location share their entries (Django's `LOCATION`); default `''`. */
  location?: string;
  /** Entries kept at most (`MAX_ENTRIES`); default 300. */
  maxEntries?: number;
  /** When full, drop 1/`cullFrequency` of the entries (`CULL_FREQUENCY`); 0 empties it; default 3. */
  cullFrequency?: number;
}

interface Entry {
  value: unknown;
  /** ms since the epoch; Infinity for never. */
  expires: number;
  packed: boolean;
}

type Store = LRUCache<string, Entry>;
const stores = new Map<string, Store>();

function positiveInteger(value: unknown, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.trunc(number) : fallback;
}

/**
 * The local-memory cache (Django's `locmem.LocMemCache`): per process, bounded, LRU.
 *
 * @example
 * const cache = new LocMemCache({ maxEntries: 1000 });
 * await cache.set('k', 'v');
 */
export class LocMemCache extends BaseCache {
  readonly maxEntries: number;
  readonly cullFrequency: number;
  readonly #store: Store;

  constructor(options: LocMemCacheOptions = {}) {
    super(options);
    this.maxEntries = Math.max(1, positiveInteger(options.maxEntries, 300));
    this.cullFrequency = positiveInteger(options.cullFrequency, 3);
    const location = `${options.location ?? ''}\0${this.maxEntries}`;
    let store = stores.get(location);
    if (store === undefined) {
      store = new LRUCache<string, Entry>({ max: this.maxEntries });
      stores.set(location, store);
    }
    this.#store = store;
  }

  #pack(key: string, value: unknown): Entry['value'] {
    return encodeValue(value, this.maxValueBytes, key, this.alias);
  }

  #entry(key: string, value: unknown, expiresAt: number | null): Entry {
    const kind = typeof value;
    if (value === null || (kind !== 'object' && kind !== 'function' && kind !== 'undefined')) {
      if (kind === 'string' && (value as string).length * 3 > this.maxValueBytes) {
        return { value: this.#pack(key, value), expires: expiresAt ?? Infinity, packed: true };
      }
      return { value, expires: expiresAt ?? Infinity, packed: false };
    }
    if (Object.isFrozen(value)) return { value, expires: expiresAt ?? Infinity, packed: false };
    return { value: this.#pack(key, value), expires: expiresAt ?? Infinity, packed: true };
  }

  #read(key: string, now?: number): Maybe {
    const entry = this.#store.get(key);
    if (entry === undefined) return MISSING;
    if (entry.expires <= (now ?? Date.now())) {
      this.#store.delete(key);
      return MISSING;
    }
    return entry.packed ? decodeValue(entry.value as Uint8Array) : entry.value;
  }

  #cull(): void {
    const store = this.#store;
    if (this.cullFrequency === 0) {
      store.clear();
      return;
    }
    const count = Math.floor(store.size / this.cullFrequency);
    for (let i = 0; i < count; i += 1) store.pop();
  }

  #write(key: string, entry: Entry): void {
    const store = this.#store;
    if (store.size >= this.maxEntries && !store.has(key)) this.#cull();
    store.set(key, entry);
  }

  #live(key: string): boolean {
    const entry = this.#store.peek(key);
    return entry !== undefined && entry.expires > Date.now();
  }

  // get, set, getMany and has skip the raw* layer: one promise per call instead of two, which is
  // most of the cost of a memory read. They stay async with nothing to await, so that a throw (a key
  // function's, a value that cannot be stored) rejects as in every other backend.
  // eslint-disable-next-line @typescript-eslint/require-await
  override async get<T = unknown>(
    key: string,
    defaultValue: T | null = null,
    version?: number,
  ): Promise<T | null> {
    const value = this.#read(this.key(key, version));
    return value === MISSING ? defaultValue : (value as T);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  override async set(
    key: string,
    value: unknown,
    timeout?: Timeout,
    version?: number,
  ): Promise<void> {
    const made = this.key(key, version);
    this.#write(made, this.#entry(made, value, this.expiresAt(timeout)));
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  override async getMany<T = unknown>(
    keys: Iterable<string>,
    version?: number,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (const key of keys) {
      const value = this.#read(this.key(key, version));
      if (value !== MISSING) found.set(key, value as T);
    }
    return found;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  override async has(key: string, version?: number): Promise<boolean> {
    return this.#read(this.key(key, version)) !== MISSING;
  }

  /**
   * `get` without a promise: a memory read need not wait (what `{% cache %}` uses under a
   * synchronous `render()`).
   *
   * @example
   * const value = cache.getSync('k');
   */
  getSync<T = unknown>(key: string, defaultValue: T | null = null, version?: number): T | null {
    const value = this.#read(this.key(key, version));
    return value === MISSING ? defaultValue : (value as T);
  }

  /** @internal `getSync()` by a made key, as at `now`: see `READ_MADE`. */
  [READ_MADE](made: string, now: number): unknown {
    const value = this.#read(made, now);
    return value === MISSING ? null : value;
  }

  /**
   * `set` without a promise.
   *
   * @example
   * cache.setSync('k', 'v', 60);
   */
  setSync(key: string, value: unknown, timeout?: Timeout, version?: number): void {
    const made = this.key(key, version);
    this.#write(made, this.#entry(made, value, this.expiresAt(timeout)));
  }

  // The raw* layer is only called from BaseCache's async methods, which turn a throw here into
  // their rejection: a resolved promise is all these need.
  protected rawGet(key: string): Promise<Maybe> {
    return Promise.resolve(this.#read(key));
  }

  protected rawSet(key: string, value: unknown, expiresAt: number | null): Promise<void> {
    this.#write(key, this.#entry(key, value, expiresAt));
    return Promise.resolve();
  }

  protected rawAdd(key: string, value: unknown, expiresAt: number | null): Promise<boolean> {
    if (this.#live(key)) return Promise.resolve(false);
    this.#write(key, this.#entry(key, value, expiresAt));
    return Promise.resolve(true);
  }

  protected rawDelete(key: string): Promise<boolean> {
    const live = this.#live(key);
    this.#store.delete(key);
    return Promise.resolve(live);
  }

  protected rawTouch(key: string, expiresAt: number | null): Promise<boolean> {
    if (!this.#live(key)) return Promise.resolve(false);
    this.#store.get(key)!.expires = expiresAt ?? Infinity;
    return Promise.resolve(true);
  }

  protected override rawGetMany(keys: readonly string[]): Promise<Maybe[]> {
    return Promise.resolve(keys.map((key) => this.#read(key)));
  }

  protected override rawSetMany(
    entries: readonly (readonly [string, unknown])[],
    expiresAt: number | null,
  ): Promise<string[]> {
    for (const [key, value] of entries) this.#write(key, this.#entry(key, value, expiresAt));
    return Promise.resolve([]);
  }

  protected override async rawIncr(key: string, delta: number, original: string): Promise<number> {
    const value = this.#read(key);
    if (value === MISSING) return super.rawIncr(key, delta, original);
    const next = (value as number) + delta;
    if (typeof value !== 'number' || !Number.isFinite(next))
      return super.rawIncr(key, delta, original);
    // Django's locmem incr keeps the key's expiry.
    const entry = this.#store.get(key)!;
    entry.value = next;
    entry.packed = false;
    return next;
  }

  clear(): Promise<void> {
    this.#store.clear();
    return Promise.resolve();
  }
}
