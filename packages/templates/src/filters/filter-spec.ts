/**
 * The shape of a template filter (`FilterSpec`) and what the compiler passes it (`FilterContext`).
 *
 * How the compiler calls a filter, following Django's `FilterExpression.resolve`:
 * - `value` is the resolved input. A missing variable arrives as the engine's `string_if_invalid`,
 *   which is `''` by default (Django runs the filters on it, so `{{ missing|default:"x" }}` is `x`
 *   and `{{ missing|default_if_none:"x" }}` is `''`); with a non-empty `string_if_invalid` the
 *   compiler skips the filters altogether. `undefined` is treated as Python `None` everywhere.
 * - `arg` is the resolved argument, `undefined` when none was written. A quoted literal argument
 *   arrives as a `SafeString` (Django marks literals safe, which `join` relies on); numbers as
 *   numbers; variables as their values.
 * - `ctx.autoescape` is the current autoescape setting; only `needsAutoescape` filters read it.
 * - After the call: if `isSafe` is set and the input was safe (`isSafe(value)`), the result is
 *   passed through `markSafe` (Django's rule); otherwise it is used as returned.
 * - `arg: 'none'` rejects an argument at compile time, `'required'` rejects its absence
 *   (`<name> requires 2 arguments, 1 provided`), `'optional'` accepts either.
 * - A filter may throw (Django's `divisibleby:"x"` raises ValueError); the error propagates.
 *
 * @module
 */

/** What the compiler tells a filter about the place it runs in. */
export interface FilterContext {
  /** Whether autoescaping is on where the filter runs (`{% autoescape %}` or the engine default). */
  autoescape: boolean;
}

/**
 * One template filter: its function plus Django's registration flags.
 *
 * @example
 * const shout: FilterSpec = { fn: (value) => `${String(value)}!`, isSafe: true, arg: 'none' };
 */
export interface FilterSpec {
  /** Compute the filtered value; `arg` is `undefined` when the template gave none. */
  fn(value: unknown, arg: unknown, ctx: FilterContext): unknown;
  /** Django's `is_safe`: a safe input keeps its output safe. */
  isSafe?: boolean;
  /** Django's `needs_autoescape`: the filter escapes its own input when `ctx.autoescape`. */
  needsAutoescape?: boolean;
  /** Django's `expects_localtime`: informational, since JS Dates are already local. */
  expectsLocaltime?: boolean;
  /** Whether the filter takes an argument. */
  arg: 'none' | 'optional' | 'required';
}
