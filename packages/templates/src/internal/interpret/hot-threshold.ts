/**
 * How many renders of a template walk its parse tree before it is compiled to JavaScript.
 *
 * A first render of freshly generated code runs in V8's interpreter without type feedback, and
 * generating it costs as much again; the tree walker's functions are shared by every template and
 * already hot. Compiling pays off once a template renders often: see `COLD_RENDERS`.
 *
 * @module
 */

/**
 * Measured on the benchmark page (see the package README): PLACEHOLDER.
 */
export const COLD_RENDERS = 2;

let threshold = COLD_RENDERS;

/** Renders of a template interpreted before compiling it. */
export function coldRenders(): number {
  return threshold;
}

/**
 * Tests only: `0` compiles every template at once, `Infinity` never compiles what the tree walker
 * takes; `undefined` restores the default.
 */
export function setColdRenders(value: number | undefined): void {
  threshold = value ?? COLD_RENDERS;
}
