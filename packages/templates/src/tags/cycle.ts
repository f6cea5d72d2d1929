/**
 * `{% cycle a b … [as name [silent]] %}` and `{% cycle name %}`: the next value on each use.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { CycleInfo, Node } from '../internal/nodes.js';
import { splitContents } from '../internal/smart-split.js';

let nextCycleId = 1;

/** The parsed `{% cycle %}`. */
export interface CycleNode {
  type: 'cycle';
  cycle: CycleInfo;
  token: Token;
}

/** Parse `{% cycle %}`. */
export function parseCycle(parser: Parser, token: Token): Node | Node[] {
  let args = splitContents(token.contents);
  if (args.length < 2) throw new TemplateSyntaxError("'cycle' tag requires at least two arguments");
  if (args.length === 2) {
    const name = args[1]!;
    if (parser.namedCycles.size === 0) {
      throw new TemplateSyntaxError(`No named cycles in template. '${name}' is not defined`);
    }
    const cycle = parser.namedCycles.get(name);
    if (cycle === undefined) throw new TemplateSyntaxError(`Named cycle '${name}' does not exist`);
    return { type: 'cycle', cycle, token };
  }
  let asForm = false;
  let silent = false;
  if (args.length > 4) {
    if (args[args.length - 3] === 'as') {
      if (args[args.length - 1] !== 'silent') {
        throw new TemplateSyntaxError(
          `Only 'silent' flag is allowed after cycle's name, not '${args[args.length - 1]!}'.`,
        );
      }
      asForm = true;
      silent = true;
      args = args.slice(0, -1);
    } else if (args[args.length - 2] === 'as') {
      asForm = true;
    }
  }
  let cycle: CycleInfo;
  if (asForm) {
    const name = args[args.length - 1]!;
    cycle = {
      id: nextCycleId++,
      values: args.slice(1, -2).map((a) => parser.compileFilter(a)),
      asVar: name,
      silent,
    };
    parser.namedCycles.set(name, cycle);
  } else {
    cycle = {
      id: nextCycleId++,
      values: args.slice(1).map((a) => parser.compileFilter(a)),
      asVar: undefined,
      silent,
    };
  }
  parser.lastCycle = cycle;
  return { type: 'cycle', cycle, token };
}

/** Compile `{% cycle %}`. */
function compileCycle(node: CycleNode, compiler: Compiler, scope: Scope): string {
  const cycle = node.cycle;
  const I = String(cycle.id);
  const index = compiler.temporary();
  const value = compiler.temporary();
  const choices = cycle.values.map((v) => compiler.expression(v, scope, 'value', node.token));
  let pick = choices[choices.length - 1]!;
  for (let i = choices.length - 2; i >= 0; i--)
    pick = `${index} === ${String(i)} ? ${choices[i]!} : ${pick}`;
  let code = `${index} = s.rc[${I}] = ((s.rc[${I}] ?? -1) + 1) % ${String(choices.length)};\n${value} = ${pick};\n`;
  if (cycle.asVar !== undefined) {
    if (compiler.findBinding(cycle.asVar, scope) === undefined) {
      // A named cycle referenced from another scope (e.g. inside a block): store in this scope.
      scope.bindings.set(cycle.asVar, { kind: 'as', js: `a${String(compiler.nextId())}` });
      const binding = scope.bindings.get(cycle.asVar) as { js: string };
      code = `let ${binding.js};\n` + code;
    }
    code += compiler.assignUpward(cycle.asVar, scope, value);
  }
  if (!cycle.silent) code += `o += ${compiler.output(value)};\n`;
  return code;
}

/** How the compiler and tree walks handle a `{% cycle %}` node. */
export const cycleNode: BuiltinNodeKind<CycleNode> = {
  compile: compileCycle,
  assigns: (node) => node.cycle.asVar,
};
