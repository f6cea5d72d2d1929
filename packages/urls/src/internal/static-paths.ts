/**
 * The table of fully static paths: path text → value. A `Map` hashes the whole path on every
 * lookup, and a server's paths are new strings each time (no cached hash): ~1 ns a character,
 * 100 ns for a long API path that is not even static. So the lengths of the static paths are
 * kept too, and a path of a length no static route has costs one array read.
 */
export class StaticPaths<V> {
  readonly #map = new Map<string, V>();
  /** 1 at the index of every static path's length. */
  #lengths = new Uint8Array(0);

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): V | undefined {
    // Out of range reads `undefined`, which is not 1 either.
    if (this.#lengths[path.length] !== 1) return undefined;
    return this.#map.get(path);
  }

  set(path: string, value: V): void {
    // The key internalized: a looked-up path that is internalized too (any property-key use
    // of a string does that) then compares by pointer, not character by character.
    this.#map.set(Object.keys({ [path]: 0 })[0]!, value);
    if (path.length >= this.#lengths.length) {
      const grown = new Uint8Array(path.length + 1);
      grown.set(this.#lengths);
      this.#lengths = grown;
    }
    this.#lengths[path.length] = 1;
  }
}
