/**
 * `MultiValueDict`: a map from each key to a list of values where reading a key gives its last
 * value, as Django's `django.utils.datastructures.MultiValueDict`. `request.FILES` is one, and
 * `QueryDict` (request.GET/POST) extends it.
 *
 * @module
 */
import { pyRepr } from './internal/python-string.js';

/**
 * A key → list-of-values map whose `get()` returns the last value and `getList()` all of them.
 * Iterating it yields the keys in first-insertion order, as iterating a Django dict does.
 *
 * @example
 * const files = new MultiValueDict([['a', ['1', '2']]]);
 * files.get('a'); // '2'
 * files.getList('a'); // ['1', '2']
 */
export class MultiValueDict<V> implements Iterable<string> {
  /** @internal The storage; subclasses reach it to mutate without the public checks. */
  protected readonly data = new Map<string, V[]>();

  constructor(entries?: Iterable<readonly [string, readonly V[]]> | Record<string, readonly V[]>) {
    if (entries === undefined) return;
    const iterable = Symbol.iterator in entries ? entries : Object.entries(entries);
    for (const [key, list] of iterable) this.data.set(key, [...list]);
  }

  /** Hook for immutable subclasses; called before every mutation. */
  protected assertMutable(): void {
    // mutable by default
  }

  /** The number of keys. */
  get size(): number {
    return this.data.size;
  }

  /**
   * The last value for `key`, or `defaultValue` (`undefined`) when the key is missing or its list is empty.
   *
   * @example
   * request.GET.get('page', '1');
   */
  get(key: string): V | undefined;
  get<D>(key: string, defaultValue: D): V | D;
  get<D>(key: string, defaultValue?: D): V | D | undefined {
    const list = this.data.get(key);
    if (list === undefined || list.length === 0) return defaultValue;
    return list[list.length - 1];
  }

  /**
   * A copy of every value for `key`, or `defaultValue` (`[]`) when the key is missing.
   *
   * @example
   * request.GET.getList('tag'); // ['a', 'b']
   */
  getList(key: string, defaultValue: V[] = []): V[] {
    const list = this.data.get(key);
    return list === undefined ? defaultValue : list.slice();
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this.data.has(key);
  }

  /** Replace the values of `key` with the single `value`. */
  set(key: string, value: V): void {
    this.assertMutable();
    this.data.set(key, [value]);
  }

  /** Replace the values of `key` with `list`. */
  setList(key: string, list: readonly V[]): void {
    this.assertMutable();
    this.data.set(key, [...list]);
  }

  /** Add `value` to the values of `key`. */
  appendList(key: string, value: V): void {
    this.assertMutable();
    const list = this.data.get(key);
    if (list === undefined) this.data.set(key, [value]);
    else list.push(value);
  }

  /** The last value of `key`, setting it to `defaultValue` first when missing. */
  setDefault(key: string, defaultValue: V): V {
    this.assertMutable();
    if (!this.data.has(key)) this.data.set(key, [defaultValue]);
    return this.get(key) as V;
  }

  /** The values of `key`, setting them to `defaultList` first when missing. */
  setListDefault(key: string, defaultList: readonly V[] = []): V[] {
    this.assertMutable();
    let list = this.data.get(key);
    if (list === undefined) {
      list = [...defaultList];
      this.data.set(key, list);
    }
    return list;
  }

  /** Append the values of `other` (a MultiValueDict, an object or `[key, value]` pairs); never replaces. */
  update(other: MultiValueDict<V> | Record<string, V> | Iterable<readonly [string, V]>): void {
    this.assertMutable();
    if (other instanceof MultiValueDict) {
      for (const [key, list] of other.lists())
        for (const value of list) this.appendList(key, value);
      return;
    }
    const pairs = Symbol.iterator in other ? other : Object.entries(other);
    for (const [key, value] of pairs) this.appendList(key, value);
  }

  /** Remove `key`; returns whether it was present. */
  delete(key: string): boolean {
    this.assertMutable();
    return this.data.delete(key);
  }

  /** Remove `key` and return its list of values (`defaultValue` when missing). */
  pop(key: string, defaultValue?: V[]): V[] | undefined {
    this.assertMutable();
    const list = this.data.get(key);
    if (list === undefined) return defaultValue;
    this.data.delete(key);
    return list;
  }

  /** Remove and return the last inserted key with its list. */
  popItem(): [string, V[]] | undefined {
    this.assertMutable();
    let last: [string, V[]] | undefined;
    for (const entry of this.data) last = entry;
    if (last !== undefined) this.data.delete(last[0]);
    return last;
  }

  /** Remove every key. */
  clear(): void {
    this.assertMutable();
    this.data.clear();
  }

  /** The keys, in first-insertion order. */
  keys(): IterableIterator<string> {
    return this.data.keys();
  }

  /** The last value of each key. */
  *values(): IterableIterator<V> {
    for (const list of this.data.values()) if (list.length > 0) yield list[list.length - 1]!;
  }

  /** `[key, last value]` pairs, as Django's `items()`. */
  *items(): IterableIterator<[string, V]> {
    for (const [key, list] of this.data) if (list.length > 0) yield [key, list[list.length - 1]!];
  }

  /** `[key, all values]` pairs, as Django's `lists()`. */
  *lists(): IterableIterator<[string, V[]]> {
    for (const [key, list] of this.data) yield [key, list.slice()];
  }

  /** A plain object of key → last value, as Django's `dict()`. */
  dict(): Record<string, V> {
    const result: Record<string, V> = {};
    for (const [key, value] of this.items()) result[key] = value;
    return result;
  }

  /** A plain object of key → list of values; what `JSON.stringify` shows. */
  toJSON(): Record<string, V[]> {
    const result: Record<string, V[]> = {};
    for (const [key, list] of this.data) result[key] = list.slice();
    return result;
  }

  /** Whether `other` holds the same keys with the same lists (Django's `==`). */
  equals(other: MultiValueDict<V>): boolean {
    if (other.size !== this.size) return false;
    for (const [key, list] of this.data) {
      const theirs = other.data.get(key);
      if (theirs === undefined || theirs.length !== list.length) return false;
      for (let i = 0; i < list.length; i += 1) if (!Object.is(list[i], theirs[i])) return false;
    }
    return true;
  }

  /** A mutable shallow copy (the lists are copied, the values shared). */
  copy(): MultiValueDict<V> {
    return new MultiValueDict(this.data);
  }

  /** Django's repr: `<MultiValueDict: {'a': ['1', '2']}>` (`<QueryDict: …>` for a QueryDict). */
  toString(): string {
    const repr = (value: unknown): string =>
      typeof value === 'string' ? pyRepr(value) : String(value);
    const entries = [...this.data].map(
      ([key, list]) => `${pyRepr(key)}: [${list.map(repr).join(', ')}]`,
    );
    return `<${this.constructor.name}: {${entries.join(', ')}}>`;
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.data.keys();
  }
}
