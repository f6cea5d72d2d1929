/**
 * Turns tokens into the node tree (`parseTemplate`), with every built-in tag's syntax and Django's
 * error messages. Custom tags from `{% load %}`-ed libraries become `custom` nodes.
 *
 * @module
 */
import type { FilterSpec } from '../filters/filter-spec.js';
import type { Library, TagDefinition } from '../library.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { parseFilterExpression, type FilterExpression } from './filter-expression.js';
import { parseIfExpression } from './if-expression.js';
import { parseLibraryTag } from './library-tag-parser.js';
import { constructRelativePath } from './relative-path.js';
import { BLOCK, COMMENT, TEXT, tokenize, VAR, type Token } from './lexer.js';
import type { CycleInfo, KeywordArguments, Node } from './nodes.js';
import { pySplit, splitContents } from './smart-split.js';

/** What the parser needs from the engine. */
export interface ParseOptions {
  templateName: string | undefined;
  builtinFilters: Record<string, FilterSpec>;
  libraries: Record<string, Library>;
  builtins: Library[];
}

/** The parse result: the node list plus facts the compiler needs. */
export interface ParsedTemplate {
  nodes: Node[];
  extendsNode: (Node & { type: 'extends' }) | undefined;
  leadingText: string;
}

type TagParser = (parser: Parser, token: Token) => Node | Node[];

const KWARG_RE = /^(?:([\p{L}\p{N}_]+)=)?(.+)$/su;
const TEMPLATETAG: Record<string, string> = {
  openblock: '{%',
  closeblock: '%}',
  openvariable: '{{',
  closevariable: '}}',
  openbrace: '{',
  closebrace: '}',
  opencomment: '{#',
  closecomment: '#}',
};

let nextCycleId = 1;

/**
 * Nesting limits, so that a pathological template fails with TemplateSyntaxError rather than a
 * stack overflow in the parser or compiler (Django itself stops around 300 levels with Python's
 * RecursionError).
 */
const MAX_NESTING = 200;
const MAX_IF_BITS = 400;

function englishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** The parser state of one template. */
export class Parser {
  readonly tokens: Token[];
  pos = 0;
  /** Tags and filters added by `{% load %}` and builtins libraries; the built-ins are looked up after. */
  readonly tags = new Map<string, TagParser>();
  readonly filters = new Map<string, FilterSpec>();
  readonly commandStack: [string, Token][] = [];
  readonly loadedBlocks = new Set<string>();
  readonly namedCycles = new Map<string, CycleInfo>();
  lastCycle: CycleInfo | undefined;
  readonly options: ParseOptions;
  readonly source: string;

  constructor(source: string, options: ParseOptions) {
    this.source = source;
    this.tokens = tokenize(source);
    this.options = options;
    for (const library of options.builtins) this.addLibrary(library.tags, library.filters);
  }

  addLibrary(tags: Record<string, TagDefinition>, filters: Record<string, FilterSpec>): void {
    for (const [name, tag] of Object.entries(tags)) this.tags.set(name, customTagParser(name, tag));
    for (const [name, spec] of Object.entries(filters)) this.filters.set(name, spec);
  }

  findTag(name: string): TagParser | undefined {
    return (
      this.tags.get(name) ?? (Object.hasOwn(BUILTIN_TAGS, name) ? BUILTIN_TAGS[name] : undefined)
    );
  }

  findFilter(name: string): FilterSpec | undefined {
    const builtins = this.options.builtinFilters;
    return this.filters.get(name) ?? (Object.hasOwn(builtins, name) ? builtins[name] : undefined);
  }

  parse(parseUntil: string[] = []): Node[] {
    const nodes: Node[] = [];
    let containsNonText = false;
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos++]!;
      if (token.type === TEXT) {
        nodes.push({ type: 'text', text: token.contents, token });
      } else if (token.type === VAR) {
        if (token.contents === '')
          throw this.error(token, `Empty variable tag on line ${String(token.line)}`);
        const expression = this.withToken(token, () => this.compileFilter(token.contents));
        nodes.push({ type: 'var', expression, token });
        containsNonText = true;
      } else if (token.type === BLOCK) {
        const command = pySplit(token.contents)[0];
        if (command === undefined)
          throw this.error(token, `Empty block tag on line ${String(token.line)}`);
        if (parseUntil.includes(command)) {
          this.pos--;
          return nodes;
        }
        this.commandStack.push([command, token]);
        if (this.commandStack.length > MAX_NESTING) {
          throw this.error(
            token,
            `Tags are nested more than ${String(MAX_NESTING)} levels deep on line ${String(token.line)}. Split the template with {% include %} or simplify it.`,
          );
        }
        const tagParser = this.findTag(command);
        if (tagParser === undefined) this.invalidBlockTag(token, command, parseUntil);
        const result = this.withToken(token, () => tagParser!(this, token));
        for (const node of Array.isArray(result) ? result : [result]) {
          if (node.type === 'extends' && containsNonText) {
            throw this.error(
              token,
              `<ExtendsNode: extends ${node.parent.token}> must be the first tag in the template.`,
            );
          }
          if (node.type !== 'text') containsNonText = true;
          nodes.push(node);
        }
        this.commandStack.pop();
      } else if (token.type === COMMENT) {
        // Comments produce no node.
      }
    }
    if (parseUntil.length > 0) this.unclosedBlockTag(parseUntil);
    return nodes;
  }

  nextToken(): Token {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new TemplateSyntaxError('Unexpected end of template.');
    return token;
  }

  skipPast(endTag: string): void {
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos++]!;
      if (token.type === BLOCK && token.contents === endTag) return;
    }
    this.unclosedBlockTag([endTag]);
  }

  compileFilter(text: string): FilterExpression {
    return parseFilterExpression(text, (name) => this.findFilter(name));
  }

  invalidBlockTag(token: Token, command: string, parseUntil: string[]): never {
    if (parseUntil.length > 0) {
      throw this.error(
        token,
        `Invalid block tag on line ${String(token.line)}: '${command}', expected ${englishList(parseUntil.map((p) => `'${p}'`))}. Did you forget to register or load this tag?`,
      );
    }
    throw this.error(
      token,
      `Invalid block tag on line ${String(token.line)}: '${command}'. Did you forget to register or load this tag?`,
    );
  }

  unclosedBlockTag(parseUntil: string[]): never {
    const [command, token] = this.commandStack.pop()!;
    throw this.error(
      token,
      `Unclosed tag on line ${String(token.line)}: '${command}'. Looking for one of: ${parseUntil.join(', ')}.`,
    );
  }

  /** Run `fn`, attaching this token's location to any syntax error it raises. */
  withToken<T>(token: Token, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (TemplateSyntaxError.isInstance(error)) throw this.locate(error, token);
      throw error;
    }
  }

  error(token: Token, message: string): TemplateSyntaxError {
    return this.locate(new TemplateSyntaxError(message), token);
  }

  locate(error: TemplateSyntaxError, token: Token): TemplateSyntaxError {
    return error.setLocation(locationOf(this.source, token, this.options.templateName));
  }
}

/** Line, column and source line of a token. */
export function locationOf(
  source: string,
  token: { line: number; offset: number },
  templateName: string | undefined,
): { templateName: string; line: number; column: number; sourceLine: string } {
  const lineStart = source.lastIndexOf('\n', token.offset - 1) + 1;
  let lineEnd = source.indexOf('\n', token.offset);
  if (lineEnd === -1) lineEnd = source.length;
  return {
    templateName: templateName ?? '<string>',
    line: token.line,
    column: token.offset - lineStart + 1,
    sourceLine: source.slice(lineStart, lineEnd),
  };
}

/** Django's `token_kwargs`: consume `k=v` (or legacy `v as k [and …]`) bits from the front of `bits`. */
function tokenKwargs(bits: string[], parser: Parser, supportLegacy: boolean): KeywordArguments {
  if (bits.length === 0) return [];
  const kwargFormat = KWARG_RE.exec(bits[0]!)?.[1] !== undefined;
  if (!kwargFormat && (!supportLegacy || bits.length < 3 || bits[1] !== 'as')) return [];
  const kwargs: KeywordArguments = [];
  const set = (key: string, value: FilterExpression): void => {
    const existing = kwargs.findIndex(([k]) => k === key);
    if (existing >= 0) kwargs.splice(existing, 1);
    kwargs.push([key, value]);
  };
  while (bits.length > 0) {
    if (kwargFormat) {
      const match = KWARG_RE.exec(bits[0]!);
      if (match?.[1] === undefined) return kwargs;
      bits.shift();
      set(match[1], parser.compileFilter(match[2]!));
    } else {
      if (bits.length < 3 || bits[1] !== 'as') return kwargs;
      set(bits[2]!, parser.compileFilter(bits[0]!));
      bits.splice(0, 3);
      if (bits.length > 0) {
        if (bits[0] !== 'and') return kwargs;
        bits.shift();
      }
    }
  }
  return kwargs;
}

function endTag(parser: Parser, name: string): void {
  parser.nextToken();
  void name;
}

/** Parse `args… k=v… [as var]` bits of url and custom tags. */
function parseCallBits(
  tagName: string,
  bits: string[],
  parser: Parser,
  allowAs: boolean,
): { args: FilterExpression[]; kwargs: KeywordArguments; asVar: string | undefined } {
  let asVar: string | undefined;
  if (allowAs && bits.length >= 2 && bits[bits.length - 2] === 'as') {
    asVar = bits[bits.length - 1];
    bits = bits.slice(0, -2);
  }
  const args: FilterExpression[] = [];
  const kwargs: KeywordArguments = [];
  for (const bit of bits) {
    const match = KWARG_RE.exec(bit);
    if (match === null) throw new TemplateSyntaxError(`Malformed arguments to ${tagName} tag`);
    if (match[1] !== undefined) {
      if (kwargs.some(([k]) => k === match[1])) {
        throw new TemplateSyntaxError(
          `'${tagName}' received multiple values for keyword argument '${match[1]}'`,
        );
      }
      kwargs.push([match[1], parser.compileFilter(match[2]!)]);
    } else {
      if (kwargs.length > 0 && tagName !== 'url') {
        throw new TemplateSyntaxError(
          `'${tagName}' received some positional argument(s) after some keyword argument(s)`,
        );
      }
      args.push(parser.compileFilter(match[2]!));
    }
  }
  return { args, kwargs, asVar };
}

function customTagParser(name: string, tag: TagDefinition): TagParser {
  if (tag.kind === 'tag')
    return (parser, token) => parseLibraryTag(parser, token, name, tag.compile);
  return (parser, token) => {
    const bits = splitContents(token.contents).slice(1);
    const { args, kwargs, asVar } = parseCallBits(name, bits, parser, tag.kind === 'simple');
    return { type: 'custom', name, tag, args, kwargs, asVar, token };
  };
}

const BUILTIN_TAGS: Record<string, TagParser> = {
  autoescape(parser, token) {
    const args = pySplit(token.contents);
    if (args.length !== 2)
      throw new TemplateSyntaxError("'autoescape' tag requires exactly one argument.");
    const arg = args[1];
    if (arg !== 'on' && arg !== 'off')
      throw new TemplateSyntaxError("'autoescape' argument should be 'on' or 'off'");
    const body = parser.parse(['endautoescape']);
    endTag(parser, 'endautoescape');
    return { type: 'autoescape', on: arg === 'on', body, token };
  },
  block(parser, token) {
    const bits = pySplit(token.contents);
    if (bits.length !== 2)
      throw new TemplateSyntaxError(`'${bits[0]!}' tag takes only one argument`);
    const name = bits[1]!;
    if (parser.loadedBlocks.has(name)) {
      throw new TemplateSyntaxError(`'${bits[0]!}' tag with name '${name}' appears more than once`);
    }
    parser.loadedBlocks.add(name);
    const body = parser.parse(['endblock']);
    const end = parser.nextToken();
    const acceptable = ['endblock', `endblock ${name}`];
    if (!acceptable.includes(end.contents)) parser.invalidBlockTag(end, 'endblock', acceptable);
    return { type: 'block', name, body, token };
  },
  comment(parser) {
    parser.skipPast('endcomment');
    return [];
  },
  csrf_token(_parser, token) {
    return { type: 'csrf_token', token };
  },
  cycle(parser, token) {
    let args = splitContents(token.contents);
    if (args.length < 2)
      throw new TemplateSyntaxError("'cycle' tag requires at least two arguments");
    if (args.length === 2) {
      const name = args[1]!;
      if (parser.namedCycles.size === 0) {
        throw new TemplateSyntaxError(`No named cycles in template. '${name}' is not defined`);
      }
      const cycle = parser.namedCycles.get(name);
      if (cycle === undefined)
        throw new TemplateSyntaxError(`Named cycle '${name}' does not exist`);
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
  },
  debug(_parser, token) {
    return { type: 'debug', token };
  },
  extends(parser, token) {
    const bits = splitContents(token.contents);
    if (bits.length !== 2) throw new TemplateSyntaxError(`'${bits[0]!}' takes one argument`);
    const parent = parser.compileFilter(
      constructRelativePath(parser.options.templateName, bits[1]!),
    );
    const rest = parser.parse();
    if (containsExtends(rest)) {
      throw new TemplateSyntaxError(
        `'${bits[0]!}' cannot appear more than once in the same template`,
      );
    }
    return [{ type: 'extends', parent, token }, ...rest];
  },
  filter(parser, token) {
    const rest = token.contents.replace(/^\S+\s*/, '');
    const expression = parser.compileFilter(`var|${rest}`);
    for (const call of expression.filters) {
      if (call.name === 'escape' || call.name === 'safe') {
        throw new TemplateSyntaxError(
          `"filter ${call.name}" is not permitted.  Use the "autoescape" tag instead.`,
        );
      }
    }
    const body = parser.parse(['endfilter']);
    endTag(parser, 'endfilter');
    return { type: 'filter', expression, body, token };
  },
  firstof(parser, token) {
    let bits = splitContents(token.contents).slice(1);
    let asVar: string | undefined;
    if (bits.length === 0)
      throw new TemplateSyntaxError("'firstof' statement requires at least one argument");
    if (bits.length >= 2 && bits[bits.length - 2] === 'as') {
      asVar = bits[bits.length - 1];
      bits = bits.slice(0, -2);
    }
    return { type: 'firstof', values: bits.map((b) => parser.compileFilter(b)), asVar, token };
  },
  for(parser, token) {
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
      endTag(parser, 'endfor');
    }
    return { type: 'for', loopVars, sequence, reversed, body, empty, token };
  },
  if(parser, token) {
    const branches: {
      condition: ReturnType<typeof parseIfExpression> | undefined;
      body: Node[];
    }[] = [];
    const compile = (text: string): FilterExpression => parser.compileFilter(text);
    const ifBits = (contents: string): string[] => {
      const bits = splitContents(contents).slice(1);
      if (bits.length > MAX_IF_BITS) {
        throw new TemplateSyntaxError(
          `The if expression has more than ${String(MAX_IF_BITS)} terms. Compute the condition in the view instead.`,
        );
      }
      return bits;
    };
    let condition = parseIfExpression(ifBits(token.contents), compile);
    let body = parser.parse(['elif', 'else', 'endif']);
    branches.push({ condition, body });
    let next = parser.nextToken();
    while (next.contents.startsWith('elif')) {
      const elifToken = next;
      condition = parser.withToken(elifToken, () =>
        parseIfExpression(ifBits(elifToken.contents), compile),
      );
      body = parser.parse(['elif', 'else', 'endif']);
      branches.push({ condition, body });
      next = parser.nextToken();
    }
    if (next.contents === 'else') {
      body = parser.parse(['endif']);
      branches.push({ condition: undefined, body });
      next = parser.nextToken();
    }
    if (next.contents !== 'endif') {
      throw new TemplateSyntaxError(
        `Malformed template tag at line ${String(next.line)}: "${next.contents}"`,
      );
    }
    return { type: 'if', branches, token };
  },
  ifchanged(parser, token) {
    const bits = splitContents(token.contents);
    const body = parser.parse(['else', 'endifchanged']);
    const next = parser.nextToken();
    let otherwise: Node[] = [];
    if (next.contents === 'else') {
      otherwise = parser.parse(['endifchanged']);
      endTag(parser, 'endifchanged');
    }
    return {
      type: 'ifchanged',
      values: bits.slice(1).map((b) => parser.compileFilter(b)),
      body,
      otherwise,
      token,
    };
  },
  include(parser, token) {
    const bits = splitContents(token.contents);
    if (bits.length < 2) {
      throw new TemplateSyntaxError(
        `'${bits[0]!}' tag takes at least one argument: the name of the template to be included.`,
      );
    }
    const remaining = bits.slice(2);
    const seen = new Set<string>();
    let extra: KeywordArguments = [];
    let only = false;
    while (remaining.length > 0) {
      const option = remaining.shift()!;
      if (seen.has(option))
        throw new TemplateSyntaxError(`The '${option}' option was specified more than once.`);
      if (option === 'with') {
        extra = tokenKwargs(remaining, parser, false);
        if (extra.length === 0) {
          throw new TemplateSyntaxError(
            `"with" in '${bits[0]!}' tag needs at least one keyword argument.`,
          );
        }
      } else if (option === 'only') {
        only = true;
      } else {
        throw new TemplateSyntaxError(`Unknown argument for '${bits[0]!}' tag: '${option}'.`);
      }
      seen.add(option);
    }
    const template = parser.compileFilter(
      constructRelativePath(parser.options.templateName, bits[1]!),
    );
    return { type: 'include', template, extra, only, token };
  },
  load(parser, token) {
    const bits = pySplit(token.contents);
    const libraries = parser.options.libraries;
    const find = (name: string): Library => {
      const library = Object.hasOwn(libraries, name) ? libraries[name] : undefined;
      if (library === undefined) {
        throw new TemplateSyntaxError(
          `'${name}' is not a registered tag library. Must be one of:\n${Object.keys(libraries).sort().join('\n')}`,
        );
      }
      return library;
    };
    if (bits.length >= 4 && bits[bits.length - 2] === 'from') {
      const label = bits[bits.length - 1]!;
      const library = find(label);
      const tags: Record<string, TagDefinition> = {};
      const filters: Record<string, FilterSpec> = {};
      for (const name of bits.slice(1, -2)) {
        let found = false;
        if (Object.hasOwn(library.tags, name)) {
          tags[name] = library.tags[name]!;
          found = true;
        }
        if (Object.hasOwn(library.filters, name)) {
          filters[name] = library.filters[name]!;
          found = true;
        }
        if (!found)
          throw new TemplateSyntaxError(
            `'${name}' is not a valid tag or filter in tag library '${label}'`,
          );
      }
      parser.addLibrary(tags, filters);
    } else {
      for (const name of bits.slice(1)) {
        const library = find(name);
        parser.addLibrary(library.tags, library.filters);
      }
    }
    return { type: 'text', text: '', token };
  },
  lorem(parser, token) {
    const bits = splitContents(token.contents);
    const tagName = bits[0]!;
    const common = bits[bits.length - 1] !== 'random';
    if (!common) bits.pop();
    let method: 'w' | 'p' | 'b' = 'b';
    const last = bits[bits.length - 1];
    if (last === 'w' || last === 'p' || last === 'b') {
      method = last;
      bits.pop();
    }
    const count = bits.length > 1 ? bits.pop()! : '1';
    if (bits.length !== 1) throw new TemplateSyntaxError(`Incorrect format for '${tagName}' tag`);
    return { type: 'lorem', count: parser.compileFilter(count), method, common, token };
  },
  now(_parser, token) {
    let bits = splitContents(token.contents);
    let asVar: string | undefined;
    if (bits.length === 4 && bits[2] === 'as') {
      asVar = bits[3];
      bits = bits.slice(0, 2);
    }
    if (bits.length !== 2) throw new TemplateSyntaxError("'now' statement takes one argument");
    return { type: 'now', format: bits[1]!.slice(1, -1), asVar, token };
  },
  regroup(parser, token) {
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
  },
  resetcycle(parser, token) {
    const args = splitContents(token.contents);
    if (args.length > 2)
      throw new TemplateSyntaxError(`'${args[0]!}' tag accepts at most one argument.`);
    if (args.length === 2) {
      const cycle = parser.namedCycles.get(args[1]!);
      if (cycle === undefined)
        throw new TemplateSyntaxError(`Named cycle '${args[1]!}' does not exist.`);
      return { type: 'resetcycle', cycle, token };
    }
    if (parser.lastCycle === undefined) throw new TemplateSyntaxError('No cycles in template.');
    return { type: 'resetcycle', cycle: parser.lastCycle, token };
  },
  spaceless(parser, token) {
    const body = parser.parse(['endspaceless']);
    endTag(parser, 'endspaceless');
    return { type: 'spaceless', body, token };
  },
  templatetag(_parser, token) {
    const bits = pySplit(token.contents);
    if (bits.length !== 2)
      throw new TemplateSyntaxError("'templatetag' statement takes one argument");
    const text = Object.hasOwn(TEMPLATETAG, bits[1]!) ? TEMPLATETAG[bits[1]!] : undefined;
    if (text === undefined) {
      throw new TemplateSyntaxError(
        `Invalid templatetag argument: '${bits[1]!}'. Must be one of: [${Object.keys(TEMPLATETAG)
          .map((k) => `'${k}'`)
          .join(', ')}]`,
      );
    }
    return { type: 'text', text, token };
  },
  url(parser, token) {
    const bits = splitContents(token.contents);
    if (bits.length < 2)
      throw new TemplateSyntaxError(
        `'${bits[0]!}' takes at least one argument, a URL pattern name.`,
      );
    const view = parser.compileFilter(bits[1]!);
    const { args, kwargs, asVar } = parseCallBits('url', bits.slice(2), parser, true);
    return { type: 'url', view, args, kwargs, asVar, token };
  },
  verbatim(parser, token) {
    const body = parser.parse(['endverbatim']);
    endTag(parser, 'endverbatim');
    return {
      type: 'text',
      text: body.map((n) => (n.type === 'text' ? n.text : '')).join(''),
      token,
    };
  },
  widthratio(parser, token) {
    const bits = splitContents(token.contents);
    let asVar: string | undefined;
    if (bits.length === 6) {
      if (bits[4] !== 'as')
        throw new TemplateSyntaxError("Invalid syntax in widthratio tag. Expecting 'as' keyword");
      asVar = bits[5];
    } else if (bits.length !== 4) {
      throw new TemplateSyntaxError('widthratio takes at least three arguments');
    }
    return {
      type: 'widthratio',
      value: parser.compileFilter(bits[1]!),
      max: parser.compileFilter(bits[2]!),
      width: parser.compileFilter(bits[3]!),
      asVar,
      token,
    };
  },
  with(parser, token) {
    const bits = splitContents(token.contents);
    const remaining = bits.slice(1);
    const assignments = tokenKwargs(remaining, parser, true);
    if (assignments.length === 0)
      throw new TemplateSyntaxError(`'${bits[0]!}' expected at least one variable assignment`);
    if (remaining.length > 0) {
      throw new TemplateSyntaxError(`'${bits[0]!}' received an invalid token: '${remaining[0]!}'`);
    }
    const body = parser.parse(['endwith']);
    endTag(parser, 'endwith');
    return { type: 'with', assignments, body, token };
  },
};

function containsExtends(nodes: Node[]): boolean {
  return nodes.some((node) => node.type === 'extends' || childLists(node).some(containsExtends));
}

/** The nested node lists of a node (for tree walks). */
export function childLists(node: Node): Node[][] {
  switch (node.type) {
    case 'if':
      return node.branches.map((b) => b.body);
    case 'for':
      return [node.body, node.empty];
    case 'ifchanged':
      return [node.body, node.otherwise];
    case 'with':
    case 'block':
    case 'autoescape':
    case 'filter':
    case 'spaceless':
      return [node.body];
    case 'tag':
      return node.record.bodies;
    default:
      return [];
  }
}

/** Parse a whole template. */
export function parseTemplate(source: string, options: ParseOptions): ParsedTemplate {
  const parser = new Parser(source, options);
  const nodes = parser.parse();
  let leadingText = '';
  let extendsNode: (Node & { type: 'extends' }) | undefined;
  for (const node of nodes) {
    if (node.type === 'extends') {
      extendsNode = node;
      break;
    }
    if (node.type === 'text') leadingText += node.text;
  }
  return { nodes, extendsNode, leadingText };
}
