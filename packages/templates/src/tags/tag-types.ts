/**
 * The compiler's types every built-in tag module names (its parse, compile and node-kind
 * functions), in one import.
 *
 * @module
 */
export type { Scope } from '../internal/compile-scope.js';
export type { Compiler } from '../internal/compiler.js';
export type { Token } from '../internal/lexer.js';
export type { Node } from '../internal/nodes.js';
export type { Parser } from '../internal/parser.js';
export type { BuiltinNodeKind } from './builtin-tags.js';
