/**
 * The parsed form of a template (what the parser builds and the compiler turns into JavaScript):
 * one interface per tag, each remembering its token for error locations.
 *
 * @module
 */
import type { CallTagDefinition } from '../library.js';
import type { FilterExpression } from './filter-expression.js';
import type { Token } from './lexer.js';
import type { TagRecord } from './tag-record.js';
import type { AutoescapeNode } from '../tags/autoescape.js';
import type { BlockNode } from '../tags/block.js';
import type { CsrfTokenNode } from '../tags/csrf-token.js';
import type { CycleNode } from '../tags/cycle.js';
import type { DebugNode } from '../tags/debug.js';
import type { ExtendsNode } from '../tags/extends.js';
import type { FilterNode } from '../tags/filter.js';
import type { FirstofNode } from '../tags/firstof.js';
import type { ForNode } from '../tags/for.js';
import type { IfNode } from '../tags/if.js';
import type { IfchangedNode } from '../tags/ifchanged.js';
import type { IncludeNode } from '../tags/include.js';
import type { LoremNode } from '../tags/lorem.js';
import type { NowNode } from '../tags/now.js';
import type { RegroupNode } from '../tags/regroup.js';
import type { ResetcycleNode } from '../tags/resetcycle.js';
import type { SpacelessNode } from '../tags/spaceless.js';
import type { UrlNode } from '../tags/url.js';
import type { WidthratioNode } from '../tags/widthratio.js';
import type { WithNode } from '../tags/with.js';

export type KeywordArguments = [string, FilterExpression][];

/** A text node. */
interface TextNode {
  type: 'text';
  text: string;
  token: Token;
}

/** A `{{ variable|filters }}` node. */
interface VariableNode {
  type: 'var';
  expression: FilterExpression;
  token: Token;
}

/** A `Library.simpleTag()` or `Library.inclusionTag()` call. */
export interface CallTagNode {
  type: 'custom';
  name: string;
  tag: CallTagDefinition;
  args: FilterExpression[];
  kwargs: KeywordArguments;
  asVar: string | undefined;
  token: Token;
}

/** A `Library.tag()` tag. */
export interface LibraryTagNode {
  type: 'tag';
  record: TagRecord;
  token: Token;
}

/** Any node of the parse tree. */
export type Node =
  | TextNode
  | VariableNode
  | CallTagNode
  | LibraryTagNode
  | AutoescapeNode
  | BlockNode
  | CsrfTokenNode
  | CycleNode
  | DebugNode
  | ExtendsNode
  | FilterNode
  | FirstofNode
  | ForNode
  | IfNode
  | IfchangedNode
  | IncludeNode
  | LoremNode
  | NowNode
  | RegroupNode
  | ResetcycleNode
  | SpacelessNode
  | UrlNode
  | WidthratioNode
  | WithNode;

/** A `{% cycle %}` declaration; `{% cycle name %}` and `{% resetcycle %}` point at the same object. */
export interface CycleInfo {
  id: number;
  values: FilterExpression[];
  asVar: string | undefined;
  silent: boolean;
}
