/**
 * The table of fully static paths: path text → value. A `Map` hashes the whole path on every
 * lookup, and a server's paths are new strings each time (no cached hash): ~1 ns a character,
 * 100 ns for a long API path that is not even static. So the static paths are also kept by
 * length: a path of a length no static route has costs one array read, and a length shared by a
 * few static paths is settled by comparing with each (the first differing character ends a
 * comparison; no hash of the looked-up path is computed). Only a length shared by many static
 * paths goes to the `Map`.
 */

/** Most static paths of one length compared in turn before the `Map` is used instead. */
const SCAN_LIMIT = 2;

export class StaticPaths<V> {
  readonly #map = new Map<string, V>();
  /**
   * Per length: `[path, value, path, value…]` of the static paths of that length, or `null`
   * when there are more than `SCAN_LIMIT` (then the `Map`); `undefined` when there are none.
   */
  #byLength: ((string | V)[] | null | undefined)[] = [];

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): V | undefined {
    // Out of range reads `undefined` too.
    const few = this.#byLength[path.length];
    if (few === undefined) return undefined;
    if (few === null) return this.#map.get(path);
    for (let index = 0; index < few.length; index += 2) {
      if (few[index] === path) return few[index + 1] as V;
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
    const few = this.#byLength[length];
    if (few === null) return;
    if (few === undefined) {
      this.#byLength[length] = [key, value];
      return;
    }
    const at = few.indexOf(key);
    if (at !== -1 && at % 2 === 0) few[at + 1] = value;
    else if (few.length >= 2 * SCAN_LIMIT) this.#byLength[length] = null;
    else few.push(key, value);
  }
}
