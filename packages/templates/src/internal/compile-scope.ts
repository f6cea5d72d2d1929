/**
 * The compiler's view of variables: which template names are JavaScript locals (loop and `with`
 * variables, `as` targets, `forloop`, `block`) in each scope of the generated code.
 *
 * @module
 */

/** A `{% for %}` being compiled: its id (the suffix of `i…`/`n…`), and what its body needs. */
export interface LoopInfo {
  id: number;
  parent: LoopInfo | null;
  materialize: boolean;
  needsParent: boolean;
  pre: string[];
}

/** What a name is bound to in generated code. */
export type Binding =
  | { kind: 'local'; js: string }
  | { kind: 'as'; js: string }
  | { kind: 'forloop'; loop: LoopInfo }
  /** `block` in a block's function: the block's name and the function's (for `block.super`). */
  | { kind: 'block'; name: string; fn: string };

/** One scope of generated code: its bindings, and the loop it is in. */
export class Scope {
  readonly bindings = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null,
    readonly loop: LoopInfo | null,
  ) {}
}

/** The innermost loop around `scope`. */
export function nearestLoop(scope: Scope | null): LoopInfo | null {
  for (let s = scope; s !== null; s = s.parent) if (s.loop !== null) return s.loop;
  return null;
}
