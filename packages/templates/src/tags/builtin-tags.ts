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
import { compileAutoescape, parseAutoescape } from './autoescape.js';
import { compileBlock, parseBlock } from './block.js';
import { parseComment } from './comment.js';
import { compileCsrfToken, parseCsrfToken } from './csrf-token.js';
import { compileCycle, parseCycle } from './cycle.js';
import { compileDebug, parseDebug } from './debug.js';
import { compileExtends, parseExtends } from './extends.js';
import { compileFilter, parseFilter } from './filter.js';
import { compileFirstof, parseFirstof } from './firstof.js';
import { compileFor, parseFor } from './for.js';
import { compileIf, parseIf } from './if.js';
import { compileIfchanged, parseIfchanged } from './ifchanged.js';
import { compileInclude, parseInclude } from './include.js';
import { parseLoad } from './load.js';
import { compileLorem, parseLorem } from './lorem.js';
import { compileNow, parseNow } from './now.js';
import { compileRegroup, parseRegroup } from './regroup.js';
import { compileResetcycle, parseResetcycle } from './resetcycle.js';
import { compileSpaceless, parseSpaceless } from './spaceless.js';
import { parseTemplatetag } from './templatetag.js';
import { compileUrl, parseUrl } from './url.js';
import { parseVerbatim } from './verbatim.js';
import { compileWidthratio, parseWidthratio } from './widthratio.js';
import { compileWith, parseWith } from './with.js';

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

type NodeCompilers = {
  [T in BuiltinNode['type']]: (
    node: BuiltinNode & { type: T },
    compiler: Compiler,
    scope: Scope,
  ) => string;
};

const NODE_COMPILERS: NodeCompilers = {
  autoescape: compileAutoescape,
  block: compileBlock,
  csrf_token: compileCsrfToken,
  cycle: compileCycle,
  debug: compileDebug,
  extends: compileExtends,
  filter: compileFilter,
  firstof: compileFirstof,
  for: compileFor,
  if: compileIf,
  ifchanged: compileIfchanged,
  include: compileInclude,
  lorem: compileLorem,
  now: compileNow,
  regroup: compileRegroup,
  resetcycle: compileResetcycle,
  spaceless: compileSpaceless,
  url: compileUrl,
  widthratio: compileWidthratio,
  with: compileWith,
};

/** Compile a built-in tag's node. */
export function compileBuiltinNode(node: BuiltinNode, compiler: Compiler, scope: Scope): string {
  return (
    NODE_COMPILERS[node.type] as (node: BuiltinNode, compiler: Compiler, scope: Scope) => string
  )(node, compiler, scope);
}
