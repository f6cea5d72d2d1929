/**
 * `{% regroup list by key as name %}`: consecutive items grouped by key.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Token } from './tag-types.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { nearestLoop, Scope } from '../internal/compile-scope.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% regroup %}`. */
export interface RegroupNode {
  type: 'regroup';
  target: FilterExpression;
  by: FilterExpression;
  asVar: string;
  token: Token;
}

/** Parse `{% regroup %}`. */
export function parseRegroup(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  if (bits.length !== 6) throw new TemplateSyntaxError("'regroup' tag takes five arguments");
  const target = parser.compileFilter(bits[1]!);
  if (bits[2] !== 'by')
    throw new TemplateSyntaxError("second argument to 'regroup' tag must be 'by'");
  if (bits[4] !== 'as')
    throw new TemplateSyntaxError("next-to-last argument to 'regroup' tag must be 'as'");
  const asVar = bits[5]!;
  return {
    type: 'regroup',
    target,
    by: parser.compileFilter(`${asVar}.${bits[3]!}`),
    asVar,
    token,
  };
}

/** Compile `{% regroup %}`. */
function compileRegroup(node: RegroupNode, compiler: Compiler, scope: Scope): string {
  const id = String(compiler.nextId());
  const target = compiler.expression(node.target, scope, 'ignore', node.token);
  const keyScope = new Scope(scope, nearestLoop(scope));
  keyScope.bindings.set(node.asVar, { kind: 'local', js: `g${id}` });
  const key = compiler.expression(node.by, keyScope, 'ignore', node.token);
  const list = `r${id}`;
  return (
    `{\nconst l${id} = ${target};\nlet ${list} = [];\n` +
    `if (l${id} !== null && l${id} !== undefined) {\nlet c${id}, p${id};\n` +
    `for (const g${id} of ${compiler.asyncMode ? `await $iterA(l${id})` : `$iter(l${id})`}) {\nconst k${id} = ${key};\n` +
    `if (c${id} === undefined || !$eq(k${id}, p${id})) { c${id} = []; p${id} = k${id}; ${list}.push($group(k${id}, c${id})); }\n` +
    `c${id}.push(g${id});\n}\n}\n${compiler.assign(node.asVar, scope, list)}}\n`
  );
}

/** One `{% regroup %}` group: a `(grouper, list)` pair with named fields. */
export function regroupGroup(grouper: unknown, list: unknown[]): unknown[] {
  const pair: unknown[] = [grouper, list];
  return Object.assign(pair, { grouper, list });
}

/** How the compiler and tree walks handle a `{% regroup %}` node. */
export const regroupNode: BuiltinNodeKind<RegroupNode> = {
  compile: compileRegroup,
  assigns: (node) => node.asVar,
};
