/**
 * The table of fully static paths: path text → value. A `Map` hashes the whole path on every
 * lookup, and a server's paths are new strings each time (no cached hash): ~1 ns a character,
 * 100 ns for a long API path that is not even static. So the static paths are kept by length: a
 * path of a length no static route has costs one array read. The paths of one length are told
 * apart by the character at one position where they all differ (found when the table is built),
 * so a lookup reads one character and compares with one candidate; no hash of the looked-up path
 * is computed. Only a length whose paths no single position tells apart, and which has more than
 * a few of them, goes to the `Map`.
 */

/** Most static paths of one length compared in turn when no position tells them apart. */
const SCAN_LIMIT = 4;

/** Most static paths of one length told apart by one character; beyond, the `Map`. */
const DISTINCT_LIMIT = 64;

/** The static paths of one length (one class, so every lookup reads the same shape). */
class Bucket<V> {
  readonly keys: string[] = [];
  readonly values: V[] = [];
  /** A position where every key has a different character below 128, or -1. */
  at = -1;
  /** By character at `at`: the key's index + 1 (0: no key has that character there). */
  slots: Uint16Array | null = null;
  /** More than SCAN_LIMIT keys and no telling position: look them up in the table's `Map`. */
  useMap = false;

  /** Decide how lookups find a key, once every key is in. */
  index(): void {
    this.at = -1;
    this.slots = null;
    const keys = this.keys;
    // Beyond 128 keys no character tells them apart; well before, the search is not worth it.
    this.useMap = keys.length > DISTINCT_LIMIT;
    if (keys.length === 1 || this.useMap) return;
    const length = keys[0]!.length;
    for (let at = 0; at < length; at++) {
      const slots = new Uint16Array(128);
      let distinct = true;
      for (let k = 0; k < keys.length && distinct; k++) {
        const c = keys[k]!.charCodeAt(at);
        if (c >= 128 || slots[c] !== 0) distinct = false;
        else slots[c] = k + 1;
      }
      if (distinct) {
        this.at = at;
        this.slots = slots;
        return;
      }
    }
    this.useMap = keys.length > SCAN_LIMIT;
  }
}

export class StaticPaths<V> {
  readonly #map = new Map<string, V>();
  /** Per length: the static paths of that length; `undefined` when there are none. */
  #byLength: (Bucket<V> | undefined)[] = [];

  has(path: string): boolean {
    return this.#map.has(path);
  }

  get(path: string): V | undefined {
    // Out of range reads `undefined` too.
    const bucket = this.#byLength[path.length];
    if (bucket === undefined) return undefined;
    const slots = bucket.slots;
    if (slots !== null) {
      const c = path.charCodeAt(bucket.at);
      const k = c < 128 ? slots[c]! - 1 : -1;
      return k >= 0 && bucket.keys[k] === path ? bucket.values[k] : undefined;
    }
    if (bucket.useMap) return this.#map.get(path);
    const keys = bucket.keys;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === path) return bucket.values[k];
    }
    return undefined;
  }

  set(path: string, value: V): void {
    // The key internalized: a looked-up path that is internalized too (any property-key use
    // of a string does that) then compares by pointer, not character by character.
    const key = Object.keys({ [path]: 0 })[0]!;
    this.#map.set(key, value);
    const length = key.length;
    while (this.#byLength.length <= length) this.#byLength.push(undefined);
    let bucket = this.#byLength[length];
    if (bucket === undefined) this.#byLength[length] = bucket = new Bucket<V>();
    const at = bucket.keys.indexOf(key);
    if (at !== -1) {
      bucket.values[at] = value;
      return;
    }
    bucket.keys.push(key);
    bucket.values.push(value);
    // Until `seal()` indexes it, the bucket sends lookups to the `Map`.
    bucket.slots = null;
    bucket.useMap = true;
  }

  /** Index every length's paths for lookups; call once every path is set. */
  seal(): void {
    for (const bucket of this.#byLength) bucket?.index();
  }
}
