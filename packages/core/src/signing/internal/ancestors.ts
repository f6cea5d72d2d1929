/**
 * The containers a JSON writer is inside, to refuse a cycle as Python's `json.dumps` does
 * (`ValueError: Circular reference detected`).
 *
 * @module
 */

// Python keeps a dict of the ids on the path. A session is one or two levels deep, and scanning a
// short array costs less than a Set's allocation, add and delete (pythonJsonDumps of a login
// session ~470 → ~400 ns, measured); levels past this many go to a Set, so a deep value does not
// cost quadratic time.
const SCANNED = 32;

/** The objects and arrays on the path from the top value to the one being written. */
export class Ancestors {
  readonly #near: object[] = [];
  #far: Set<object> | null = null;
  #depth = 0;

  /** Steps into `value`; throws `TypeError` when it is already on the path. */
  enter(value: object): void {
    const depth = this.#depth;
    const near = this.#near;
    const scanned = depth < SCANNED ? depth : SCANNED;
    for (let i = 0; i < scanned; i++) {
      if (near[i] === value) throw circular();
    }
    if (depth < SCANNED) {
      near[depth] = value;
    } else {
      const far = (this.#far ??= new Set());
      if (far.has(value)) throw circular();
      far.add(value);
    }
    this.#depth = depth + 1;
  }

  /** Steps back out of `value`, the last one entered. */
  leave(value: object): void {
    if (--this.#depth >= SCANNED) this.#far!.delete(value);
  }
}

function circular(): TypeError {
  return new TypeError('Circular reference detected.');
}
