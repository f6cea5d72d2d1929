/**
 * Compiles a parsed template to JavaScript (`compileTemplate`): one function for the template body
 * and one per `{% block %}`, built with `new Function` from the parse tree only. Every
 * template-supplied string is embedded with `JSON.stringify` or passed as a constant; nothing from
 * a render context is ever compiled. Loop and `with` variables become JavaScript locals, `forloop`
 * counters become index arithmetic, and output is plain string concatenation; only names the
 * template cannot know (the caller's context) are looked up in the context stack. Each built-in
 * tag's compile step is in its module under `src/tags/`; they call this class's methods.
 *
 * @module
 */
import { builtinFilters } from '../filters/index.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression, Operand } from './filter-expression.js';
import type { Token } from './lexer.js';
import type { Node } from './nodes.js';
import { builtinNodeKind, compileBuiltinNode } from '../tags/builtin-tags.js';
import { Scope, type Binding, type LoopInfo } from './compile-scope.js';
import { appendedPart, jsKey, jsString } from './generated-code.js';
import { compileCallTag, compileLibraryTag } from './library-tag-compile.js';
import { childLists } from './node-walk.js';
import { locationOf, type ParsedTemplate } from './parser.js';
import {
  BLOCKED_NAMES,
  RUNTIME_HELPERS,
  type CompiledTemplate,
  type MissingInfo,
  type RuntimeHelperName,
  type RuntimeTemplate,
} from './runtime.js';
import { ExtendsLink } from './runtime/extends-link.js';
import { markSafe } from '@reins/core';

/** Compile-time settings. */
export interface CompileOptions {
  templateName: string;
  source: string;
  stringIfInvalid: string;
  strict: boolean;
  asyncMode: boolean;
  /** The engine has a render budget: loops count their iterations. */
  budget: boolean;
}

const COUNTERS: Record<string, (l: LoopInfo) => string> = {
  counter: (l) => `(i${String(l.id)} + 1)`,
  counter0: (l) => `i${String(l.id)}`,
  revcounter: (l) => `(n${String(l.id)} - i${String(l.id)})`,
  revcounter0: (l) => `(n${String(l.id)} - i${String(l.id)} - 1)`,
  first: (l) => `(i${String(l.id)} === 0)`,
  last: (l) => `(i${String(l.id)} === n${String(l.id)} - 1)`,
};

const HELPERS = Object.keys(RUNTIME_HELPERS) as RuntimeHelperName[];

const MAX_PARTS = 24;
// V8 aborts the process when one async function holds more than about 30,000 await points.
const MAX_AWAITS = 20_000;
// Every call that becomes an await point in the async variant (the sync variant has the same calls).
const LOOKUP_CALL_RE =
  /\$(?:get|cv|include|blockSuper|block|extend|iter|inclusion|simple|libraryTag)A?\(/g;
const ATTR_CALL_RE = /\$attr\(/g;
// Built-in filters that are one string method on a plain string (`stringValue(v).toUpperCase()`).
const INLINE_STRING_FILTERS = new Map<unknown, string>([
  [builtinFilters['upper'], 'toUpperCase'],
  [builtinFilters['lower'], 'toLowerCase'],
]);
const NO_TOKEN: Token = { type: 0, contents: '', line: 0, offset: 0 };

/** Compile a parsed template into its sync or async JavaScript form. */
export function compileTemplate(
  parsed: ParsedTemplate,
  options: CompileOptions,
  self: RuntimeTemplate,
): CompiledTemplate {
  const compiler = new Compiler(options);
  const code = compiler.compileModule(parsed);
  // The code is generated from the parse tree alone; template text only enters through
  // JSON.stringify'd literals and the constants array K.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the template compiler: new Function over the generated render code, by design
  const factory = new Function('rt', 'K', 'self', code) as (
    rt: typeof RUNTIME_HELPERS,
    K: unknown[],
    self: RuntimeTemplate,
  ) => CompiledTemplate;
  return factory(RUNTIME_HELPERS, compiler.constants, self);
}

/** Generated code of one JavaScript function. */
class FunctionState {
  /** The next temporary's number. */
  next = 0;
  /** Temporaries to declare at the top of the function (`t0`…): the most ever in use at once. */
  temps = 0;
  tmp(): string {
    const name = `t${String(this.next++)}`;
    if (this.next > this.temps) this.temps = this.next;
    return name;
  }
}

/** Generates one template's JavaScript; the built-in tags' compile steps call its methods. */
export class Compiler {
  readonly constants: unknown[] = [];
  readonly options: CompileOptions;
  readonly functions: string[] = [];
  readonly blockNames: [string, string][] = [];
  private uid = 0;
  /** Autoescaping known at compile time (`{% autoescape %}`), or `null`: the `ae` parameter. */
  autoescape: boolean | null = null;
  /** The node being compiled, for error locations. */
  token: Token = NO_TOKEN;
  private locals = new FunctionState();
  readonly asyncMode: boolean;

  constructor(options: CompileOptions) {
    this.options = options;
    this.asyncMode = options.asyncMode;
  }

  /**
   * Append `call(lengthSoFar)` to the output. With a render budget the call gets the output
   * length before it, so the statement is kept out of merged appends (`o = o + a + b` would
   * evaluate `b` before `a` is added); without one it gets 0 and merges as any append.
   */
  countedAppend(call: (lengthSoFar: string) => string): string {
    return this.options.budget ? `o = o + ${call('o.length')};\n` : `o += ${call('0')};\n`;
  }

  /** Generate code with temporaries of its own (for a closure), returned with their names. */
  withOwnTemporaries(generate: () => string): { code: string; temporaries: string[] } {
    const saved = this.locals;
    this.locals = new FunctionState();
    const code = generate();
    const temporaries = Array.from({ length: this.locals.temps }, (_, i) => `t${String(i)}`);
    this.locals = saved;
    return { code, temporaries };
  }

  /** A fresh temporary of the current generated function. */
  temporary(): string {
    return this.locals.tmp();
  }

  nextId(): number {
    return ++this.uid;
  }

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${String(this.constants.length - 1)}]`;
  }

  autoescapeExpression(): string {
    return this.autoescape === null ? 'ae' : String(this.autoescape);
  }

  /** Where `token` is, for an error naming `name` there. */
  location(name: string, token: Token): MissingInfo {
    const loc = locationOf(this.options.source, token, this.options.templateName);
    return {
      name,
      template: loc.templateName,
      line: loc.line,
      column: loc.column,
      sourceLine: loc.sourceLine,
    };
  }

  locationConstant(name: string, token: Token): string {
    return this.constant(this.location(name, token));
  }

  /** Await a value in async mode only if it is a promise. */
  awaitIfThenable(expression: string): string {
    if (!this.asyncMode) return expression;
    const t = this.temporary();
    return `(${t} = ${expression}, typeof ${t} === 'object' && ${t} !== null && typeof ${t}.then === 'function' ? await ${t} : ${t})`;
  }

  compileModule(parsed: ParsedTemplate): string {
    let main: string;
    if (parsed.extendsNode !== undefined) {
      const body = this.functionBody(new Scope(null, null), (scope) => {
        for (const node of parsed.nodes) this.collectBlocks(node);
        const extendsNode = parsed.extendsNode!;
        const head = extendsNode.parent.head;
        const plain = extendsNode.parent.filters.length === 0;
        // A literal name is found once per engine cache (see ExtendsLink); '' is an error.
        const name =
          plain && head?.kind === 'literal' && head.isString && head.value !== ''
            ? (head.value as string)
            : null;
        const parent =
          name === null
            ? this.expression(extendsNode.parent, scope, 'value', extendsNode.token)
            : 'null';
        const variable = plain && head?.kind === 'variable' ? head.raw : null;
        const link = this.constant(
          new ExtendsLink(name, variable, this.location('extends', extendsNode.token)),
        );
        return (
          (parsed.leadingText ? `o += ${jsString(parsed.leadingText)};\n` : '') +
          `o += ${this.asyncMode ? 'await $extendA' : '$extend'}(ctx, s, ae, ${parent}, ${link}, blocks, self);\n`
        );
      });
      main = this.fnText('main', '', body);
    } else {
      const body = this.functionBody(
        new Scope(null, null),
        (scope) => this.declareAsTargets(scope, parsed.nodes) + this.nodes(parsed.nodes, scope),
      );
      main = this.fnText('main', '', body);
    }
    const blocks = this.blockNames.map(([name, fn]) => `${jsKey(name)}: ${fn}`).join(', ');
    const body = `${this.functions.join('\n')}\n${main}\nconst blocks = { ${blocks} };\nreturn { main, blocks };`;
    // Declare only the runtime helpers this template uses (less code for V8 to parse per compile).
    const mentioned = helperNames(body);
    const used = HELPERS.filter((name) => mentioned.has(name));
    const helpers =
      used.length > 0 ? `const ${used.map((name) => `$${name} = rt.${name}`).join(', ')};\n` : '';
    return `'use strict';\n${helpers}${this.hoisted.join('\n')}\n${body}`;
  }

  fnText(name: string, extraParams: string, body: string): string {
    return `${this.asyncMode ? 'async ' : ''}function ${name}(ctx, s, ae${extraParams}) {\n${body}}`;
  }

  /** Generate a function body with its own temporaries and autoescape state. */
  functionBody(scope: Scope, generate: (scope: Scope) => string): string {
    const savedFn = this.locals;
    const savedAe = this.autoescape;
    this.locals = new FunctionState();
    this.autoescape = null;
    const code = generate(scope);
    // Counted the same way in both modes, so a template compiles (or fails) alike sync and async.
    // `$attr(` stands for the `$cvA(` + `$getA(` pair of the async variant.
    // Every counted call takes at least three characters per count, so short code needs no count.
    const lookups =
      code.length <= 3 * MAX_AWAITS
        ? 0
        : (code.match(LOOKUP_CALL_RE)?.length ?? 0) + 2 * (code.match(ATTR_CALL_RE)?.length ?? 0);
    if (lookups > MAX_AWAITS) {
      throw new TemplateSyntaxError(
        `Template '${this.options.templateName}' is too large to compile: ${String(lookups)} lookups, includes and blocks in one body (at most ${String(MAX_AWAITS)}). Split it with {% include %} or blocks.`,
      );
    }
    const temps = Array.from({ length: this.locals.temps }, (_, i) => `t${String(i)}`);
    this.locals = savedFn;
    this.autoescape = savedAe;
    return `let o = ''${temps.length > 0 ? `, ${temps.join(', ')}` : ''};\n${code}return o;\n`;
  }

  /** Compile blocks found outside other blocks (in a child template, where nothing else renders). */
  collectBlocks(node: Node): void {
    if (node.type === 'block') {
      this.blockFunction(node);
      return;
    }
    for (const list of childLists(node)) for (const child of list) this.collectBlocks(child);
  }

  /**
   * Compile a block's function. It takes the `BlockRef` (`blk`) only when its body reads the
   * `block` variable other than as `block.super`: the runtime then allocates none for it.
   */
  blockFunction(node: Node & { type: 'block' }): string {
    const name = `b${String(this.nextId())}`;
    const scope = new Scope(null, null);
    scope.bindings.set('block', { kind: 'block', name: node.name, fn: name });
    const saved = this.usesBlockRef;
    this.usesBlockRef = false;
    const body = this.functionBody(scope, (inner) => {
      const decls = this.declareAsTargets(inner, node.body);
      return decls + this.nodes(node.body, inner);
    });
    if (this.usesBlockRef) this.blockRefFunctions.add(name);
    this.usesBlockRef = saved;
    this.functions.push(this.fnText(name, this.blockRefFunctions.has(name) ? ', blk' : '', body));
    this.blockNames.push([node.name, name]);
    return name;
  }

  /** Whether the block function being compiled reads `blk`. */
  private usesBlockRef = false;
  /** The block functions that take `blk`. */
  readonly blockRefFunctions = new Set<string>();

  // ---- as-targets ----------------------------------------------------------------------------

  declareAsTargets(scope: Scope, nodes: Node[]): string {
    let decls = '';
    for (const name of collectAsTargets(nodes)) {
      if (scope.bindings.has(name)) continue;
      const js = `a${String(this.nextId())}`;
      scope.bindings.set(name, { kind: 'as', js });
      decls += `let ${js};\n`;
    }
    return decls;
  }

  /** Assign a variable the way `context[name] = value` does (innermost scope). */
  assign(name: string, scope: Scope, value: string): string {
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding?.kind === 'local' || binding?.kind === 'as') return `${binding.js} = ${value};\n`;
    }
    throw new Error(`internal: no binding for ${name}`);
  }

  /** `context.set_upward(name, value)`: the innermost scope that defines `name`, else the current one. */
  assignUpward(name: string, scope: Scope, value: string): string {
    const chain: Binding[] = [];
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding === undefined) continue;
      chain.push(binding);
      if (binding.kind !== 'as') break;
    }
    let code = '';
    for (const binding of chain) {
      if (binding.kind === 'local') return `${code}{ ${binding.js} = ${value}; }\n`;
      if (binding.kind === 'as')
        code += `if (${binding.js} !== undefined) { ${binding.js} = ${value}; } else `;
    }
    return `${code}{ ${this.assign(name, scope, value)} }\n`;
  }

  // ---- lookups -------------------------------------------------------------------------------

  findBinding(name: string, scope: Scope | null): { binding: Binding; scope: Scope } | undefined {
    for (let s = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding !== undefined) return { binding, scope: s };
    }
    return undefined;
  }

  /** The raw value of a bare name (before calling it). */
  nameExpression(name: string, scope: Scope | null): string {
    const found = this.findBinding(name, scope);
    if (found === undefined) {
      if (name === 'None') return 'null';
      if (name === 'True') return 'true';
      if (name === 'False') return 'false';
      return BLOCKED_NAMES.has(name)
        ? `ctx.getOwn(${jsString(name)})`
        : `ctx.get(${jsString(name)})`;
    }
    const { binding } = found;
    switch (binding.kind) {
      case 'local':
        return binding.js;
      case 'as':
        return `(${binding.js} !== undefined ? ${binding.js} : ${this.nameExpression(name, found.scope.parent)})`;
      case 'forloop':
        return this.materialize(binding.loop);
      case 'block':
        this.usesBlockRef = true;
        return 'blk';
    }
  }

  materialize(loop: LoopInfo): string {
    loop.materialize = true;
    if (loop.parent !== null) this.materialize(loop.parent);
    else loop.needsParent = true;
    return `fl${String(loop.id)}`;
  }

  /** The value of a dotted path, `undefined` when missing. */
  pathExpression(
    path: string[],
    scope: Scope,
  ): { code: string; kind: 'number' | 'boolean' | 'any' } {
    const [name, ...rest] = path as [string, ...string[]];
    const found = this.findBinding(name, scope);
    let code: string;
    let k = 0;
    let kind: 'number' | 'boolean' | 'any' = 'any';
    if (found?.binding.kind === 'forloop') {
      let loop = found.binding.loop;
      for (;;) {
        const attr = rest[k];
        if (attr === 'parentloop') {
          k++;
          if (loop.parent !== null) {
            loop = loop.parent;
            continue;
          }
          loop.needsParent = true;
          code = `pl${String(loop.id)}`;
          break;
        }
        if (attr !== undefined && Object.hasOwn(COUNTERS, attr)) {
          k++;
          code = COUNTERS[attr]!(loop);
          kind = attr === 'first' || attr === 'last' ? 'boolean' : 'number';
          break;
        }
        code = this.materialize(loop);
        break;
      }
    } else if (found?.binding.kind === 'block' && rest[0] === 'super') {
      k = 1;
      const info = this.locationConstant('block.super', this.token);
      // The block's `ctx`, `s` and `ae` are its function's parameters (nothing generated inside
      // a block rebinds them), so `block.super` needs no BlockRef.
      const args = `ctx, s, ae, ${jsString(found.binding.name)}, ${found.binding.fn}, ${info}`;
      code = this.asyncMode ? `(await $blockSuperA(${args}))` : `$blockSuper(${args})`;
    } else {
      code = this.nameExpression(name, scope);
      const constant =
        found === undefined && (name === 'None' || name === 'True' || name === 'False');
      if (!this.asyncMode && !constant && rest.length > 0) {
        // `name.key`: one call with a plain-object fast path (same result as $get($cv(…))).
        code = `$attr(${code}, ${jsString(rest[0]!)})`;
        k = 1;
      } else if (!constant) {
        code = this.awaitIfThenable(`${this.asyncMode ? '$cvA' : '$cv'}(${code})`);
      }
    }
    for (; k < rest.length; k++) {
      kind = 'any';
      const key = rest[k]!;
      const fn = this.asyncMode ? '$getA' : '$get';
      code = this.awaitIfThenable(`${fn}(${code}, ${jsString(key)})`);
    }
    return { code, kind };
  }

  private readonly filterFunctions = new Map<unknown, { spec: string; fn: string }>();

  /** A filter's spec and function, hoisted to module constants (one property load per compile). */
  filterFunction(spec: unknown): { spec: string; fn: string } {
    let entry = this.filterFunctions.get(spec);
    if (entry === undefined) {
      const index = this.filterFunctions.size;
      entry = { spec: `S${String(index)}`, fn: `F${String(index)}` };
      this.filterFunctions.set(spec, entry);
      this.hoisted.push(
        `const ${entry.spec} = ${this.constant(spec)}, ${entry.fn} = ${entry.spec}.fn;`,
      );
    }
    return entry;
  }

  private readonly hoisted: string[] = [];

  literal(operand: Operand & { kind: 'literal' }): string {
    if (operand.isString) return this.constant(markSafe(operand.value));
    const value = operand.value as number;
    return Number.isNaN(value)
      ? 'NaN'
      : value === Infinity
        ? 'Infinity'
        : value === -Infinity
          ? '-Infinity'
          : String(value);
  }

  argument(operand: Operand, scope: Scope, token: Token): string {
    if (operand.kind === 'literal') return this.literal(operand);
    const t = this.temporary();
    const path = this.pathExpression(operand.path, scope).code;
    return `((${t} = ${path}) === undefined ? $noArg(${this.locationConstant(operand.raw, token)}) : ${t})`;
  }

  applyFilters(expression: FilterExpression, value: string, scope: Scope, token: Token): string {
    for (const call of expression.filters) {
      const arg = call.arg === undefined ? 'undefined' : this.argument(call.arg, scope, token);
      const spec = this.filterFunction(call.spec);
      const c =
        this.autoescape === null
          ? '(ae ? $AE_ON : $AE_OFF)'
          : this.autoescape
            ? '$AE_ON'
            : '$AE_OFF';
      const general = (input: string): string =>
        call.spec.isSafe
          ? `$fs(${spec.spec}, ${input}, ${arg}, ${c})`
          : `${spec.fn}(${input}, ${arg}, ${c})`;
      const method = call.arg === undefined ? INLINE_STRING_FILTERS.get(call.spec) : undefined;
      if (method !== undefined) {
        // The built-in filter on a plain string is exactly this string method (and a plain
        // string is not safe, so `isSafe` changes nothing); anything else calls the filter. The
        // method is called through a constant reference: see `escapeHtml` in @reins/core for why.
        const t = this.temporary();
        value = `(typeof (${t} = ${value}) === 'string' ? $${method}.call(${t}) : ${general(t)})`;
      } else {
        value = general(value);
      }
    }
    return value;
  }

  /**
   * A filter expression's value. `value` mode is Django's plain `resolve()` (missing → the engine's
   * string_if_invalid, filters skipped when that is non-empty; strict mode throws); `ignore` mode is
   * `resolve(ignore_failures=True)` (missing → None).
   */
  expression(
    expression: FilterExpression,
    scope: Scope,
    mode: 'value' | 'ignore',
    token: Token,
  ): string {
    const head = expression.head;
    let value: string;
    if (head === undefined) value = 'null';
    else if (head.kind === 'literal') value = this.literal(head);
    else {
      const path = this.pathExpression(head.path, scope).code;
      if (mode === 'ignore') value = path;
      else {
        const t = this.temporary();
        if (this.options.strict) {
          value = `((${t} = ${path}) === undefined ? $missing(${this.locationConstant(head.raw, token)}) : ${t})`;
        } else if (this.options.stringIfInvalid !== '') {
          const invalid = jsString(this.options.stringIfInvalid.replaceAll('%s', head.raw));
          return `((${t} = ${path}) === undefined ? ${invalid} : ${this.applyFilters(expression, t, scope, token)})`;
        } else {
          value = `((${t} = ${path}) === undefined ? '' : ${t})`;
        }
      }
    }
    return this.applyFilters(expression, value, scope, token);
  }

  escapeExpr(text: string): string {
    return this.autoescape === null
      ? `(ae ? $esc(${text}) : ${text})`
      : this.autoescape
        ? `$esc(${text})`
        : text;
  }

  /** Output code for a value (Django's render_value_in_context). */
  output(value: string): string {
    const t = this.temporary();
    return `(typeof (${t} = ${value}) === 'string' ? ${this.escapeExpr(t)} : $out(${t}, ${this.autoescapeExpression()}))`;
  }
  snapshot(scope: Scope): string {
    const entries = new Map<string, string>();
    const chain: Scope[] = [];
    for (let s: Scope | null = scope; s !== null; s = s.parent) chain.unshift(s);
    for (const s of chain) {
      for (const [name, binding] of s.bindings) {
        if (binding.kind === 'block') {
          this.usesBlockRef = true;
          entries.set(name, 'blk');
        } else if (binding.kind === 'forloop') entries.set(name, this.materialize(binding.loop));
        else entries.set(name, binding.js);
      }
    }
    if (entries.size === 0) return 'null';
    return `{ ${Array.from(entries, ([name, js]) => `${jsKey(name)}: ${js}`).join(', ')} }`;
  }

  // ---- nodes ---------------------------------------------------------------------------------

  nodes(nodes: Node[], scope: Scope): string {
    // The parent's temporaries lie below `mark`; what it takes after this list starts at `high`,
    // above every child's, so none of them is overwritten while in use.
    const state = this.locals;
    const mark = state.next;
    let high = mark;
    let code = '';
    let text = '';
    // Consecutive appends become one `o = o + a + b + …` statement (left to right from `o`, so a
    // number part is never added to another number).
    let parts: string[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        text += node.text;
        continue;
      }
      if (
        node.type === 'var' &&
        node.expression.filters.length === 0 &&
        node.expression.head?.kind === 'literal'
      ) {
        text += node.expression.head.raw;
        continue;
      }
      if (text !== '') {
        parts.push(jsString(text));
        text = '';
      }
      // Sibling nodes reuse the same temporaries: each one's are read only within its own code.
      // Without this an async body declares one temporary per lookup, every `await` saves them
      // all, and compiling and rendering grow with the square of the template (8,000 lookups:
      // 5.1 s, against 0.9 s with reuse).
      state.next = mark;
      const statement = this.node(node, scope);
      if (state.next > high) high = state.next;
      const append = appendedPart(statement);
      if (append !== null) {
        parts.push(append);
        // Keep each expression small: V8 fails on single expressions with tens of thousands of
        // operands (and awaits).
        if (parts.length >= MAX_PARTS) {
          code += appendStatement(parts);
          parts = [];
        }
        continue;
      }
      code += appendStatement(parts) + statement;
      parts = [];
    }
    if (text !== '') parts.push(jsString(text));
    code += appendStatement(parts);
    state.next = high;
    return code;
  }

  node(node: Node, scope: Scope): string {
    this.token = node.token;
    switch (node.type) {
      case 'text':
        return `o += ${jsString(node.text)};\n`;
      case 'var':
        return this.variableNode(node, scope);
      case 'custom':
        return compileCallTag(node, this, scope);
      case 'tag':
        return compileLibraryTag(node, this, scope);
      default:
        return compileBuiltinNode(node, this, scope);
    }
  }

  keywordObject(kwargs: [string, FilterExpression][], scope: Scope, token: Token): string {
    if (kwargs.length === 0) return 'null';
    return `{ ${kwargs.map(([name, value]) => `${jsKey(name)}: ${this.expression(value, scope, 'value', token)}`).join(', ')} }`;
  }

  variableNode(node: Node & { type: 'var' }, scope: Scope): string {
    const expression = node.expression;
    const head = expression.head;
    if (head?.kind === 'variable' && expression.filters.length === 0) {
      const path = this.pathExpression(head.path, scope);
      if (path.kind === 'number') return `o += ${path.code};\n`;
      if (path.kind === 'boolean') return `o += (${path.code} ? 'True' : 'False');\n`;
      if (!this.options.strict && this.options.stringIfInvalid === '')
        return `o += $outv(${path.code}, ${this.autoescapeExpression()});\n`;
    }
    return `o += ${this.output(this.expression(expression, scope, 'value', node.token))};\n`;
  }
}

/** One statement appending `parts` (none for no parts). */
function appendStatement(parts: string[]): string {
  if (parts.length === 0) return '';
  return parts.length === 1 ? `o += ${parts[0]!};\n` : `o = o + ${parts.join(' + ')};\n`;
}

/** The names after each `$` in generated code (one pass; a `$` inside a string literal is harmless). */
function helperNames(code: string): Set<string> {
  const names = new Set<string>();
  for (let i = code.indexOf('$'); i !== -1; i = code.indexOf('$', i)) {
    let end = ++i;
    for (;;) {
      const c = code.charCodeAt(end);
      // [A-Za-z0-9_]
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) end++;
      else break;
    }
    if (end > i) names.add(code.slice(i, end));
    i = end;
  }
  return names;
}

/** The variables a node list writes with `as` (or `regroup`) into its own scope. */
function collectAsTargets(nodes: Node[]): string[] {
  const names = new Set<string>();
  const walk = (list: Node[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'var':
          break;
        case 'custom':
          if (node.asVar !== undefined) names.add(node.asVar);
          break;
        case 'tag':
          if (node.record.node?.asVar !== undefined) names.add(node.record.node.asVar);
          for (const body of node.record.bodies) walk(body);
          break;
        default: {
          const kind = builtinNodeKind(node);
          const name = kind.assigns?.(node);
          if (name !== undefined) names.add(name);
          if (kind.sharesScope === true) for (const body of kind.children!(node)) walk(body);
        }
      }
    }
  };
  walk(nodes);
  return Array.from(names);
}
