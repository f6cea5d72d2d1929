/**
 * The parsed form of a template (what the parser builds and the compiler turns into JavaScript):
 * one interface per tag, each remembering its token for error locations.
 *
 * @module
 */
import type { CallTagDefinition } from '../library.js';
import type { FilterExpression } from './filter-expression.js';
import type { IfExpression } from './if-expression.js';
import type { Token } from './lexer.js';
import type { TagRecord } from './tag-record.js';

export type KeywordArguments = [string, FilterExpression][];

export type Node =
  | { type: 'text'; text: string; token: Token }
  | { type: 'var'; expression: FilterExpression; token: Token }
  | { type: 'if'; branches: { condition: IfExpression | undefined; body: Node[] }[]; token: Token }
  | {
      type: 'for';
      loopVars: string[];
      sequence: FilterExpression;
      reversed: boolean;
      body: Node[];
      empty: Node[];
      token: Token;
    }
  | { type: 'with'; assignments: KeywordArguments; body: Node[]; token: Token }
  | { type: 'block'; name: string; body: Node[]; token: Token }
  | { type: 'extends'; parent: FilterExpression; token: Token }
  | {
      type: 'include';
      template: FilterExpression;
      extra: KeywordArguments;
      only: boolean;
      token: Token;
    }
  | { type: 'autoescape'; on: boolean; body: Node[]; token: Token }
  | { type: 'filter'; expression: FilterExpression; body: Node[]; token: Token }
  | { type: 'spaceless'; body: Node[]; token: Token }
  | { type: 'cycle'; cycle: CycleInfo; token: Token }
  | { type: 'resetcycle'; cycle: CycleInfo; token: Token }
  | { type: 'firstof'; values: FilterExpression[]; asVar: string | undefined; token: Token }
  | { type: 'ifchanged'; values: FilterExpression[]; body: Node[]; otherwise: Node[]; token: Token }
  | { type: 'regroup'; target: FilterExpression; by: FilterExpression; asVar: string; token: Token }
  | {
      type: 'url';
      view: FilterExpression;
      args: FilterExpression[];
      kwargs: KeywordArguments;
      asVar: string | undefined;
      token: Token;
    }
  | { type: 'now'; format: string; asVar: string | undefined; token: Token }
  | {
      type: 'widthratio';
      value: FilterExpression;
      max: FilterExpression;
      width: FilterExpression;
      asVar: string | undefined;
      token: Token;
    }
  | { type: 'csrf_token'; token: Token }
  | { type: 'debug'; token: Token }
  | {
      type: 'lorem';
      count: FilterExpression;
      method: 'w' | 'p' | 'b';
      common: boolean;
      token: Token;
    }
  | {
      type: 'custom';
      name: string;
      tag: CallTagDefinition;
      args: FilterExpression[];
      kwargs: KeywordArguments;
      asVar: string | undefined;
      token: Token;
    }
  | { type: 'tag'; record: TagRecord; token: Token };

/** A `{% cycle %}` declaration; `{% cycle name %}` and `{% resetcycle %}` point at the same object. */
export interface CycleInfo {
  id: number;
  values: FilterExpression[];
  asVar: string | undefined;
  silent: boolean;
}
