/**
 * `{% for x in xs [reversed] %}…{% empty %}…{% endfor %}`: a JavaScript loop with `forloop`
 * counters computed from the index.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { type LoopInfo, nearestLoop, Scope } from '../internal/compile-scope.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% for %}`. */
export interface ForNode {
  type: 'for';
  loopVars: string[];
  sequence: FilterExpression;
  reversed: boolean;
  body: Node[];
  empty: Node[];
  token: Token;
}

/** Parse `{% for %}`. */
export function parseFor(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  if (bits.length < 4) {
    throw new TemplateSyntaxError(
      `'for' statements should have at least four words: ${token.contents}`,
    );
  }
  const reversed = bits[bits.length - 1] === 'reversed';
  const inIndex = bits.length + (reversed ? -3 : -2);
  if (bits[inIndex] !== 'in') {
    throw new TemplateSyntaxError(
      `'for' statements should use the format 'for x in y': ${token.contents}`,
    );
  }
  const loopVars = bits.slice(1, inIndex).join(' ').split(/ *, */);
  for (const name of loopVars) {
    if (name === '' || /[ "'|]/.test(name)) {
      throw new TemplateSyntaxError(`'for' tag received an invalid argument: ${token.contents}`);
    }
  }
  const sequence = parser.compileFilter(bits[inIndex + 1]!);
  const body = parser.parse(['empty', 'endfor']);
  const next = parser.nextToken();
  let empty: Node[] = [];
  if (next.contents === 'empty') {
    empty = parser.parse(['endfor']);
    parser.nextToken();
  }
  return { type: 'for', loopVars, sequence, reversed, body, empty, token };
}

/** Compile `{% for %}`. */
function compileFor(node: ForNode, compiler: Compiler, scope: Scope): string {
  const id = compiler.nextId();
  const I = String(id);
  const loop: LoopInfo = {
    id,
    parent: nearestLoop(scope),
    materialize: false,
    needsParent: false,
    pre: [],
  };
  const bodyScope = new Scope(scope, loop);
  const vars = node.loopVars.map((name, index) => {
    const js = `v${I}_${String(index)}`;
    bodyScope.bindings.set(name, { kind: 'local', js });
    return js;
  });
  bodyScope.bindings.set('forloop', { kind: 'forloop', loop });
  const asDecls = compiler.declareAsTargets(bodyScope, [...node.body, ...node.empty]);
  const emptyScope = new Scope(scope, nearestLoop(scope));
  for (const [name, binding] of bodyScope.bindings)
    if (binding.kind === 'as') emptyScope.bindings.set(name, binding);
  const body = compiler.nodes(node.body, bodyScope);
  const empty = compiler.nodes(node.empty, emptyScope);
  let sequence = compiler.expression(node.sequence, scope, 'ignore', node.token);
  sequence = compiler.asyncMode ? `await $iterA(${sequence})` : `$iter(${sequence})`;
  // Django lets a VariableDoesNotExist from a filter argument escape here (recorded).
  const head = `const q${I} = ${sequence};\n`;
  const item = node.reversed ? `q${I}[n${I} - 1 - i${I}]` : `q${I}[i${I}]`;
  let bind: string;
  if (vars.length === 1) bind = `let ${vars[0]!} = ${item};\n`;
  else {
    bind =
      `const u${I} = $unpack(${item}, ${String(vars.length)});\n` +
      `let ${vars.map((v, index) => `${v} = u${I}[${String(index)}]`).join(', ')};\n`;
  }
  // The render budget counts each iteration (compiled in only when the engine has a budget).
  const step = compiler.options.budget ? '$step(s, o.length);\n' : '';
  let parentExpr = 'null';
  if (loop.parent !== null) parentExpr = compiler.materialize(loop.parent);
  else if (loop.needsParent || loop.materialize) parentExpr = `pl${I}`;
  const parentDecl =
    loop.parent === null && (loop.needsParent || loop.materialize)
      ? `const pl${I} = ctx.get('forloop') ?? {};\n`
      : '';
  const materialize = loop.materialize
    ? `const fl${I} = $forloop(i${I}, n${I}, ${parentExpr});\n`
    : '';
  return (
    `{\n${head}const n${I} = q${I}.length;\n${asDecls}${parentDecl}${loop.pre.join('')}` +
    `if (n${I} === 0) {\n${empty}} else {\n` +
    `for (let i${I} = 0; i${I} < n${I}; i${I}++) {\n${step}${bind}${materialize}${body}}\n}\n}\n`
  );
}

/** How the compiler and tree walks handle a `{% for %}` node. */
export const forNode: BuiltinNodeKind<ForNode> = {
  compile: compileFor,
  children: (node) => [node.body, node.empty],
};
