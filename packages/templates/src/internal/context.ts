/**
 * The dynamic part of a template context (`Context`): a stack of plain objects searched from the
 * top. Compiled templates keep loop and `with` variables in JavaScript locals; this stack holds the
 * caller's context, context-processor output, and the scopes handed to includes and blocks.
 *
 * @module
 */

/** A stack of variable scopes, innermost last. */
export class Context {
  readonly scopes: Record<string, unknown>[];

  constructor(scopes: Record<string, unknown>[]) {
    this.scopes = scopes;
  }

  /** The innermost defined value of `name` (`undefined` when missing). */
  get(name: string): unknown {
    const scopes = this.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const value = scopes[i]![name];
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Like `get`, but only own properties count: for names that also exist on `Object.prototype`. */
  getOwn(name: string): unknown {
    const scopes = this.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const scope = scopes[i]!;
      if (Object.hasOwn(scope, name) && scope[name] !== undefined) return scope[name];
    }
    return undefined;
  }

  push(scope: Record<string, unknown>): void {
    this.scopes.push(scope);
  }

  pop(): void {
    this.scopes.pop();
  }

  /** Every visible variable, innermost winning. */
  flatten(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const scope of this.scopes) {
      for (const key of Object.keys(scope)) if (scope[key] !== undefined) out[key] = scope[key];
    }
    return out;
  }
}
