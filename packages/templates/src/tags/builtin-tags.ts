/**
 * The built-in tags, one module each (parse, compile and render-time parts together): the
 * parser's table by tag name and the compiler's by node type.
 *
 * @module
 */
import type { Compiler } from '../internal/compiler.js';
import type { Scope } from '../internal/compile-scope.js';
import type { Token } from '../internal/lexer.js';
import type { Node } from '../internal/nodes.js';
import type { Parser } from '../internal/parser.js';
import { autoescapeNode, parseAutoescape } from './autoescape.js';
import { blockNode, parseBlock } from './block.js';
import { parseComment } from './comment.js';
import { csrfTokenNode, parseCsrfToken } from './csrf-token.js';
import { cycleNode, parseCycle } from './cycle.js';
import { debugNode, parseDebug } from './debug.js';
import { extendsNode, parseExtends } from './extends.js';
import { filterNode, parseFilter } from './filter.js';
import { firstofNode, parseFirstof } from './firstof.js';
import { forNode, parseFor } from './for.js';
import { ifNode, parseIf } from './if.js';
import { ifchangedNode, parseIfchanged } from './ifchanged.js';
import { includeNode, parseInclude } from './include.js';
import { parseLoad } from './load.js';
import { loremNode, parseLorem } from './lorem.js';
import { nowNode, parseNow } from './now.js';
import { regroupNode, parseRegroup } from './regroup.js';
import { resetcycleNode, parseResetcycle } from './resetcycle.js';
import { spacelessNode, parseSpaceless } from './spaceless.js';
import { parseTemplatetag } from './templatetag.js';
import { urlNode, parseUrl } from './url.js';
import { parseVerbatim } from './verbatim.js';
import { widthratioNode, parseWidthratio } from './widthratio.js';
import { withNode, parseWith } from './with.js';

/** A built-in tag's parse step (Django's `do_…(parser, token)`). */
export type BuiltinTagParser = (parser: Parser, token: Token) => Node | Node[];

/** The built-in tags by name. */
export const BUILTIN_TAGS: Readonly<Record<string, BuiltinTagParser>> = {
  autoescape: parseAutoescape,
  block: parseBlock,
  comment: parseComment,
  csrf_token: parseCsrfToken,
  cycle: parseCycle,
  debug: parseDebug,
  extends: parseExtends,
  filter: parseFilter,
  firstof: parseFirstof,
  for: parseFor,
  if: parseIf,
  ifchanged: parseIfchanged,
  include: parseInclude,
  load: parseLoad,
  lorem: parseLorem,
  now: parseNow,
  regroup: parseRegroup,
  resetcycle: parseResetcycle,
  spaceless: parseSpaceless,
  templatetag: parseTemplatetag,
  url: parseUrl,
  verbatim: parseVerbatim,
  widthratio: parseWidthratio,
  with: parseWith,
};

/** The node types built-in tags produce (everything but text, variables and library tags). */
export type BuiltinNode = Exclude<Node, { type: 'text' | 'var' | 'custom' | 'tag' }>;

/** What the compiler and the tree walks need to know of one built-in node type. */
export interface BuiltinNodeKind<N extends BuiltinNode> {
  /** The node's generated statements. */
  compile(node: N, compiler: Compiler, scope: Scope): string;
  /** The node lists nested in the node. */
  children?(node: N): Node[][];
  /** Whether the nested lists compile in the node's own scope (their `as` targets are its own). */
  sharesScope?: boolean;
  /** The variable the node stores into (`as name`), if any. */
  assigns?(node: N): string | undefined;
}

type NodeKinds = { [T in BuiltinNode['type']]: BuiltinNodeKind<BuiltinNode & { type: T }> };

const NODE_KINDS: NodeKinds = {
  autoescape: autoescapeNode,
  block: blockNode,
  csrf_token: csrfTokenNode,
  cycle: cycleNode,
  debug: debugNode,
  extends: extendsNode,
  filter: filterNode,
  firstof: firstofNode,
  for: forNode,
  if: ifNode,
  ifchanged: ifchangedNode,
  include: includeNode,
  lorem: loremNode,
  now: nowNode,
  regroup: regroupNode,
  resetcycle: resetcycleNode,
  spaceless: spacelessNode,
  url: urlNode,
  widthratio: widthratioNode,
  with: withNode,
};

/** The compile step and tree facts of a built-in node's type. */
export function builtinNodeKind(node: BuiltinNode): BuiltinNodeKind<BuiltinNode> {
  return NODE_KINDS[node.type];
}

/** Compile a built-in tag's node. */
export function compileBuiltinNode(node: BuiltinNode, compiler: Compiler, scope: Scope): string {
  return builtinNodeKind(node).compile(node, compiler, scope);
}
