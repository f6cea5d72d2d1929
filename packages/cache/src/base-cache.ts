/**
 * {@link BaseCache}: Django's `BaseCache` API, asynchronous. Every backend shares the key making
 * (`keyPrefix`, `version`, `keyFunction`), the key warnings, the timeout rules and the operations
 * Django builds from simpler ones (`getOrSet`, `incrVersion`…); a backend implements the raw
 * operations on made keys and may replace the composite ones with faster native ones.
 *
 * @module
 */
import { STABLE_KEY } from './internal/sync-cache.js';
import { CacheKeyNotFound } from './errors.js';
import { warnAboutKey } from './key-warnings.js';

/** Marks a miss inside backends, so a stored `null` is still a hit. */
export const MISSING: unique symbol = Symbol('reins.cache.missing');
/** What a raw backend read gives: the value, or {@link MISSING}. */
export type Maybe<T = unknown> = T | typeof MISSING;

/**
 * A cache timeout in seconds: `undefined` means the cache's default, `null` forever, `0` (or less)
 * expires at once, as in Django.
 *
 * @example
 * await cache.set('k', 'v', null); // never expires
 */
export type Timeout = number | null | undefined;

/**
 * Django's `KEY_FUNCTION`: the stored key from the key, the prefix and the version.
 *
 * @example
 * const keyFunction: KeyFunction = (key, prefix, version) => `${prefix}:${version}:${key}`;
 */
export type KeyFunction = (key: string, keyPrefix: string, version: number) => string;

/**
 * What every backend accepts (Django's `CACHES` entry in camelCase).
 *
 * @example
 * const options: BaseCacheOptions = { timeout: 60, keyPrefix: 'site1', version: 2 };
 */
export interface BaseCacheOptions {
  /** Default timeout in seconds (`TIMEOUT`); default 300; `null` for forever. */
  timeout?: number | null;
  /** Prepended to every key (`KEY_PREFIX`); default `''`. */
  keyPrefix?: string;
  /** Default key version (`VERSION`); default 1. */
  version?: number;
  /** Builds the stored key (`KEY_FUNCTION`); default `'prefix:version:key'`. */
  keyFunction?: KeyFunction;
  /** Largest serialised value accepted, in bytes; default 1 MiB (memcached's limit). */
  maxValueBytes?: number;
  /** The alias this cache is configured under, for error messages. Set by `configureCaches`. */
  alias?: string;
}

/**
 * Django's `default_key_func`: `'<prefix>:<version>:<key>'`.
 *
 * @example
 * defaultKeyFunction('k', '', 1); // ':1:k'
 */
export function defaultKeyFunction(key: string, keyPrefix: string, version: number): string {
  return `${keyPrefix}:${version}:${key}`;
}

const MADE_KEYS_LIMIT = 1000;

function toTimeout(value: unknown): number | null {
  if (value === null) return null;
  if (value === undefined) return 300;
  const number = Number(value);
  // Django falls back to 300 for a timeout that int() refuses.
  return Number.isFinite(number) ? Math.trunc(number) : 300;
}

/**
 * Django's cache API, asynchronous; the base of every backend.
 *
 * @example
 * const value = await cache.getOrSet('answer', () => compute(), 60);
 */
export abstract class BaseCache {
  /** The default timeout in seconds, `null` for forever. */
  readonly defaultTimeout: number | null;
  readonly keyPrefix: string;
  readonly version: number;
  readonly keyFunction: KeyFunction;
  readonly maxValueBytes: number;
  readonly alias: string;
  // The made key of each recently used key at the default version: with the default key function
  // (pure) and Django's own rules, the same key always makes the same, already validated, string,
  // and a page-cache hit looks up three keys (measured: making and validating them was ~15 % of
  // a hit's CPU). A custom keyFunction, makeKey or validateKey runs on every call, as in Django.
  readonly #madeKeys = new Map<string, string>();
  readonly #memoizable: boolean;

  constructor(options: BaseCacheOptions = {}) {
    this.defaultTimeout = toTimeout(options.timeout);
    this.keyPrefix = options.keyPrefix ?? '';
    this.version = options.version ?? 1;
    this.keyFunction = options.keyFunction ?? defaultKeyFunction;
    this.maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
    this.alias = options.alias ?? 'default';
    this.#memoizable =
      this.keyFunction === defaultKeyFunction &&
      this.makeKey === BaseCache.prototype.makeKey &&
      this.validateKey === BaseCache.prototype.validateKey;
  }

  /**
   * Django's `get_backend_timeout`, in milliseconds since the epoch: `null` never expires; a
   * timeout of 0 is a moment in the past (Django's ticket 21147).
   */
  protected expiresAt(timeout: Timeout): number | null {
    const seconds = timeout === undefined ? this.defaultTimeout : timeout;
    if (seconds === null) return null;
    return Date.now() + (seconds === 0 ? -1 : seconds) * 1000;
  }

  /**
   * The stored key for `key` (Django's `make_key`).
   *
   * @example
   * cache.makeKey('k'); // ':1:k'
   */
  makeKey(key: string, version?: number): string {
    return this.keyFunction(String(key), this.keyPrefix, version ?? this.version);
  }

  /**
   * Warn (once per message) when `key` would break on memcached (Django's `validate_key`).
   *
   * @example
   * cache.validateKey(cache.makeKey('a b'));
   */
  validateKey(key: string): void {
    warnAboutKey(key);
  }

  /**
   * The stored key of `key` at the default version when it is always the same string
   * (the default key function and Django's own `makeKey`/`validateKey`), so a caller may keep it;
   * `null` when a custom one must run on every call.
   */
  [STABLE_KEY](key: string): string | null {
    return this.#memoizable ? this.key(key, undefined) : null;
  }

  /** `makeKey` then `validateKey`. */
  protected key(key: string, version: number | undefined): string {
    const memo = version === undefined && this.#memoizable ? this.#madeKeys : undefined;
    if (memo !== undefined) {
      const known = memo.get(key);
      if (known !== undefined) return known;
    }
    const made = this.makeKey(key, version);
    this.validateKey(made);
    if (memo !== undefined) {
      // Bounded: a burst of one-off keys empties it rather than growing it.
      if (memo.size >= MADE_KEYS_LIMIT) memo.clear();
      memo.set(key, made);
    }
    return made;
  }

  protected abstract rawGet(key: string): Promise<Maybe>;
  protected abstract rawSet(key: string, value: unknown, expiresAt: number | null): Promise<void>;
  protected abstract rawAdd(
    key: string,
    value: unknown,
    expiresAt: number | null,
  ): Promise<boolean>;
  protected abstract rawDelete(key: string): Promise<boolean>;
  protected abstract rawTouch(key: string, expiresAt: number | null): Promise<boolean>;

  protected async rawGetMany(keys: readonly string[]): Promise<Maybe[]> {
    const values: Maybe[] = [];
    for (const key of keys) values.push(await this.rawGet(key));
    return values;
  }

  protected async rawSetMany(
    entries: readonly (readonly [string, unknown])[],
    expiresAt: number | null,
  ): Promise<string[]> {
    for (const [key, value] of entries) await this.rawSet(key, value, expiresAt);
    return [];
  }

  protected async rawDeleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.rawDelete(key);
  }

  protected async rawIncr(key: string, delta: number, original: string): Promise<number> {
    const value = await this.rawGet(key);
    if (value === MISSING) throw new CacheKeyNotFound(`Key '${original}' not found`);
    const next = (value as number) + delta;
    if (typeof next !== 'number' || !Number.isFinite(next)) {
      throw new TypeError(
        `Cannot incr the cache key '${original}': its value ${JSON.stringify(value)} is not a number.`,
      );
    }
    // Django's base incr() sets with the default timeout.
    await this.rawSet(key, next, this.expiresAt(undefined));
    return next;
  }

  /**
   * The value for `key`, or `defaultValue` (default `null`) when missing or expired.
   *
   * @example
   * const name = await cache.get<string>('name', 'anonymous');
   */
  async get<T = unknown>(
    key: string,
    defaultValue: T | null = null,
    version?: number,
  ): Promise<T | null> {
    const value = await this.rawGet(this.key(key, version));
    return value === MISSING ? defaultValue : (value as T);
  }

  /**
   * Store `value` under `key` for `timeout` seconds (default: the cache's).
   *
   * @example
   * await cache.set('greeting', 'hello', 60);
   */
  async set(key: string, value: unknown, timeout?: Timeout, version?: number): Promise<void> {
    await this.rawSet(this.key(key, version), value, this.expiresAt(timeout));
  }

  /**
   * Store `value` only if `key` is missing; `true` when stored.
   *
   * @example
   * if (await cache.add('lock', 1, 10)) { ... }
   */
  async add(key: string, value: unknown, timeout?: Timeout, version?: number): Promise<boolean> {
    return this.rawAdd(this.key(key, version), value, this.expiresAt(timeout));
  }

  /**
   * The value for `key`; when missing, store `defaultValue` (or what calling it returns) and
   * return what the cache then holds (Django's `get_or_set`).
   *
   * @example
   * const posts = await cache.getOrSet('posts', () => loadPosts(), 60);
   */
  async getOrSet<T>(
    key: string,
    defaultValue: T | (() => T | Promise<T>),
    timeout?: Timeout,
    version?: number,
  ): Promise<T | null> {
    const made = this.key(key, version);
    const value = await this.rawGet(made);
    if (value !== MISSING) return value as T;
    const computed =
      typeof defaultValue === 'function'
        ? await (defaultValue as () => T | Promise<T>)()
        : defaultValue;
    await this.rawAdd(made, computed, this.expiresAt(timeout));
    // Read again: another client may have added a value between the read and the add.
    const stored = await this.rawGet(made);
    return stored === MISSING ? computed : (stored as T);
  }

  /**
   * Remove `key`; `true` when it was there.
   *
   * @example
   * await cache.delete('greeting');
   */
  async delete(key: string, version?: number): Promise<boolean> {
    return this.rawDelete(this.key(key, version));
  }

  /**
   * The values of the keys that are present, by key (Django's `get_many`).
   *
   * @example
   * const found = await cache.getMany(['a', 'b']); // Map { 'a' => 1 }
   */
  async getMany<T = unknown>(keys: Iterable<string>, version?: number): Promise<Map<string, T>> {
    const originals = [...keys];
    const made = originals.map((key) => this.key(key, version));
    const values = await this.rawGetMany(made);
    const found = new Map<string, T>();
    for (let i = 0; i < originals.length; i += 1) {
      const value = values[i];
      if (value !== MISSING) found.set(originals[i]!, value as T);
    }
    return found;
  }

  /**
   * Store several values at once; returns the keys that could not be stored (Django's `set_many`).
   *
   * @example
   * await cache.setMany({ a: 1, b: 2 }, 60);
   */
  async setMany(
    data: Record<string, unknown> | Map<string, unknown>,
    timeout?: Timeout,
    version?: number,
  ): Promise<string[]> {
    const pairs = data instanceof Map ? [...data] : Object.entries(data);
    const made = new Map<string, string>();
    const entries = pairs.map(([key, value]) => {
      const stored = this.key(key, version);
      made.set(stored, key);
      return [stored, value] as const;
    });
    const failed = await this.rawSetMany(entries, this.expiresAt(timeout));
    return failed.map((key) => made.get(key) ?? key);
  }

  /**
   * Remove several keys at once.
   *
   * @example
   * await cache.deleteMany(['a', 'b']);
   */
  async deleteMany(keys: Iterable<string>, version?: number): Promise<void> {
    await this.rawDeleteMany([...keys].map((key) => this.key(key, version)));
  }

  /**
   * Whether `key` is present and not expired (Django's `has_key` / `in`).
   *
   * @example
   * if (await cache.has('greeting')) { ... }
   */
  async has(key: string, version?: number): Promise<boolean> {
    return (await this.rawGet(this.key(key, version))) !== MISSING;
  }

  /**
   * Add `delta` to the number under `key` and return it; throws {@link CacheKeyNotFound} when
   * missing (Django's `ValueError`).
   *
   * @example
   * await cache.incr('hits');
   */
  async incr(key: string, delta = 1, version?: number): Promise<number> {
    return this.rawIncr(this.key(key, version), delta, key);
  }

  /**
   * Subtract `delta` from the number under `key` and return it.
   *
   * @example
   * await cache.decr('stock', 2);
   */
  async decr(key: string, delta = 1, version?: number): Promise<number> {
    return this.incr(key, -delta, version);
  }

  /**
   * Give `key` a new expiry; `true` when the key exists.
   *
   * @example
   * await cache.touch('session', 600);
   */
  async touch(key: string, timeout?: Timeout, version?: number): Promise<boolean> {
    return this.rawTouch(this.key(key, version), this.expiresAt(timeout));
  }

  /**
   * Move `key` to version `version + delta` and return the new version (Django's `incr_version`).
   *
   * @example
   * await cache.incrVersion('menu'); // 2
   */
  async incrVersion(key: string, delta = 1, version?: number): Promise<number> {
    const current = version ?? this.version;
    const value = await this.rawGet(this.key(key, current));
    if (value === MISSING) throw new CacheKeyNotFound(`Key '${key}' not found`);
    await this.set(key, value, undefined, current + delta);
    await this.delete(key, current);
    return current + delta;
  }

  /**
   * Move `key` to version `version - delta` and return it.
   *
   * @example
   * await cache.decrVersion('menu', 1, 2); // 1
   */
  async decrVersion(key: string, delta = 1, version?: number): Promise<number> {
    return this.incrVersion(key, -delta, version);
  }

  /**
   * Remove every value of this cache.
   *
   * @example
   * await cache.clear();
   */
  abstract clear(): Promise<void>;

  /**
   * Release connections; the cache may be used again afterwards where the backend allows.
   *
   * @example
   * await cache.close();
   */
  async close(): Promise<void> {}
}
