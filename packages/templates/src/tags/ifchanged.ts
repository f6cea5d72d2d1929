/**
 * `{% ifchanged [values] %}…{% else %}…{% endifchanged %}`: output when the values (or the
 * rendered body) changed since the last iteration.
 *
 * @module
 */
import { jsString } from '../internal/generated-code.js';
import type { BuiltinNodeKind, Compiler, Node, Parser, Token } from './tag-types.js';
import { nearestLoop, type Scope } from '../internal/compile-scope.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% ifchanged %}`. */
export interface IfchangedNode {
  type: 'ifchanged';
  values: FilterExpression[];
  body: Node[];
  otherwise: Node[];
  token: Token;
}

/** Parse `{% ifchanged %}`. */
export function parseIfchanged(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  const body = parser.parse(['else', 'endifchanged']);
  const next = parser.nextToken();
  let otherwise: Node[] = [];
  if (next.contents === 'else') {
    otherwise = parser.parse(['endifchanged']);
    parser.nextToken();
  }
  return {
    type: 'ifchanged',
    values: bits.slice(1).map((b) => parser.compileFilter(b)),
    body,
    otherwise,
    token,
  };
}

/** Compile `{% ifchanged %}`. */
function compileIfchanged(node: IfchangedNode, compiler: Compiler, scope: Scope): string {
  const id = compiler.nextId();
  const loop = nearestLoop(scope);
  let state: string;
  let prelude = '';
  if (loop !== null) {
    state = `ic${String(id)}`;
    loop.pre.push(`let ${state};\n`);
  } else {
    // Outside a loop of its own template (in an included one, say), Django keeps the state on the
    // context's `forloop`: the loop the include sits in.
    const holder = compiler.temporary();
    prelude = `${holder} = $icState(ctx, s, ${String(id)}, ${jsString(`${compiler.options.templateName}#${String(id)}`)});\n`;
    state = `${holder}.v`;
  }
  const otherwise = compiler.nodes(node.otherwise, scope);
  const elsePart = otherwise ? ` else {\n${otherwise}}` : '';
  if (node.values.length > 0) {
    const t = compiler.temporary();
    const values = node.values
      .map((v) => compiler.expression(v, scope, 'ignore', node.token))
      .join(', ');
    const body = compiler.nodes(node.body, scope);
    return `${prelude}${t} = [${values}];\nif (!$eq(${t}, ${state})) {\n${state} = ${t};\n${body}}${elsePart}\n`;
  }
  const saved = compiler.temporary();
  const rendered = compiler.temporary();
  const body = compiler.nodes(node.body, scope);
  return (
    `${prelude}${saved} = o; o = '';\n${body}${rendered} = o; o = ${saved};\n` +
    `if (${rendered} !== ${state}) {\n${state} = ${rendered};\no += ${rendered};\n}${elsePart}\n`
  );
}

/** How the compiler and tree walks handle a `{% ifchanged %}` node. */
export const ifchangedNode: BuiltinNodeKind<IfchangedNode> = {
  compile: compileIfchanged,
  children: (node) => [node.body, node.otherwise],
  sharesScope: true,
};
