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
 * Measured on the benchmark's page 1 (a child and its base, a 100-row loop), CPU time per render
 * of a new engine: compiling both templates costs about 150 µs more than walking them once, and
 * each later render of the compiled code is about 17 µs (25%) faster than a walk, so compiling
 * pays after about 9 renders. Compiling once a template has been walked as many renders as
 * compiling costs (the ski-rental rule) never costs more than twice the best choice in hindsight,
 * whatever the number of renders to come; 8 is that point, rounded down. A template included in
 * a loop counts each inclusion, so it compiles during the first render of the page.
 */
export const COLD_RENDERS = 8;

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
