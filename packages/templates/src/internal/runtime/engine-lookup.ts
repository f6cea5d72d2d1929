/**
 * The last template name a compiled `{% extends %}` or `{% include %}` looked up, and under which
 * engine cache. Django's cached loader returns the same `Template` for a name until it is reset;
 * a link reuses what it found under the same conditions: the same name asked of the same engine,
 * no `resetCache()` since, and not in debug mode (where a changed file must be seen).
 *
 * @module
 */
import type { RuntimeEngine } from './render-state.js';

/** Whether a remembered lookup still answers for `name` (see the module comment). */
export class EngineLookup {
  #name: string | null = null;
  #engine: RuntimeEngine | null = null;
  #generation = -1;

  /** True when the lookup remembered last was of `name` in `engine`'s current cache. */
  holds(name: string, engine: RuntimeEngine): boolean {
    return (
      name === this.#name &&
      engine === this.#engine &&
      engine.cacheGeneration === this.#generation &&
      !engine.debug
    );
  }

  /** Remember a lookup of `name` just made in `engine`. */
  remember(name: string, engine: RuntimeEngine): void {
    this.#name = name;
    this.#engine = engine;
    this.#generation = engine.cacheGeneration;
  }
}
