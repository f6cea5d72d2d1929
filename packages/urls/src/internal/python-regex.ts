/**
 * Python `re` syntax, as `rePath()` and converter regexes are written (Django's dialect), parsed
 * into a small syntax tree that is then (1) emitted as a JavaScript `u`-mode regex with Python's
 * meaning, (2) normalised into the reverse "forms" Django's `regex_helper.normalize()` produces,
 * and (3) inspected for constructs that backtrack catastrophically. Entry point: `parsePythonRegex`.
 *
 * What Python has and JavaScript lacks is rejected here with a message naming the construct:
 * scoped inline flags `(?i:…)`, conditionals `(?(1)…)`, atomic groups and possessive quantifiers,
 * `\N{…}` names, and the locale flag.
 */

export type RegexNode =
  | { t: 'char'; cp: number }
  | { t: 'any' }
  | { t: 'class'; negated: boolean; items: ClassItem[]; first: string }
  | { t: 'esc'; kind: 'd' | 'D' | 'w' | 'W' | 's' | 'S' }
  | { t: 'assert'; kind: '^' | '$' | 'A' | 'Z' | 'b' | 'B' }
  | { t: 'group'; capture: boolean; name: string | null; index: number; body: RegexAlt }
  | { t: 'look'; behind: boolean; negate: boolean; body: RegexAlt }
  | { t: 'backref'; name: string | null; index: number }
  | { t: 'quant'; min: number; max: number; lazy: boolean; body: RegexNode }
  | { t: 'alt'; alt: RegexAlt };

export type ClassItem =
  { t: 'range'; from: number; to: number } | { t: 'esc'; kind: 'd' | 'D' | 'w' | 'W' | 's' | 'S' };

export interface RegexAlt {
  branches: RegexNode[][];
}

export interface ParsedRegex {
  source: string;
  root: RegexAlt;
  flags: { i: boolean; m: boolean; s: boolean; x: boolean; a: boolean };
  /** Number of capturing groups, as Python's `groups`. */
  groupCount: number;
  /** Named groups in order of appearance. */
  groupNames: string[];
  /** Why Django's normaliser would refuse this regex (`(?i`, `(?#`…), or null. */
  nonReversible: string | null;
}

export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/** Python's `str.isidentifier()`, close enough: Unicode ID_Start or `_`, then ID_Continue. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

class Parser {
  pos = 0;
  groupCount = 0;
  groupNames: string[] = [];
  nonReversible: string | null = null;
  flags = { i: false, m: false, s: false, x: false, a: false };

  constructor(
    readonly src: string,
    readonly allowDuplicateNames = false,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new RegexSyntaxError(`${message} at position ${at}`, at);
  }

  peek(): string | undefined {
    return this.src[this.pos];
  }

  /** Read one code point (a surrogate pair counts as one character, as in Python). */
  nextCodePoint(): number {
    const cp = this.src.codePointAt(this.pos);
    if (cp === undefined) this.fail('unexpected end of pattern');
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  skipVerbose(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) return;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') {
        this.pos++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  parseAlt(depth: number): RegexAlt {
    const branches: RegexNode[][] = [[]];
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      if (c === undefined) {
        if (depth > 0) this.fail('missing ), unterminated subpattern');
        return { branches };
      }
      if (c === ')') {
        if (depth === 0) this.fail('unbalanced parenthesis');
        return { branches };
      }
      if (c === '|') {
        this.pos++;
        branches.push([]);
        continue;
      }
      const atomStart = this.pos;
      const atom = this.parseAtom(depth);
      if (atom === null) continue;
      const seq = branches[branches.length - 1]!;
      seq.push(this.parseQuantifiers(atom, atomStart));
    }
  }

  parseQuantifiers(atom: RegexNode, atomStart: number): RegexNode {
    let node = atom;
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') {
        min = 0;
        max = Infinity;
        this.pos++;
      } else if (c === '+') {
        min = 1;
        max = Infinity;
        this.pos++;
      } else if (c === '?') {
        min = 0;
        max = 1;
        this.pos++;
      } else if (c === '{') {
        const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
        if (m === null || (m[1] === '' && m[2] === undefined)) return node;
        min = m[1] === '' ? 0 : Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) this.fail('min repeat greater than max repeat');
        this.pos += m[0].length;
      } else {
        return node;
      }
      if (node.t === 'quant') this.fail('multiple repeat', atomStart);
      if (node.t === 'assert' && node.kind !== 'b' && node.kind !== 'B') {
        this.fail('nothing to repeat', atomStart);
      }
      let lazy = false;
      if (this.peek() === '?') {
        lazy = true;
        this.pos++;
      } else if (this.peek() === '+') {
        this.fail('possessive quantifiers have no JavaScript equivalent; rewrite without them');
      }
      node = { t: 'quant', min, max, lazy, body: node };
      // Python rejects a quantifier directly after another ("multiple repeat"); keep looping only
      // to report that.
    }
  }

  parseAtom(depth: number): RegexNode | null {
    const start = this.pos;
    const c = this.src[this.pos]!;
    switch (c) {
      case '.':
        this.pos++;
        return { t: 'any' };
      case '^':
        this.pos++;
        return { t: 'assert', kind: '^' };
      case '$':
        this.pos++;
        return { t: 'assert', kind: '$' };
      case '[':
        return this.parseClass();
      case '(':
        return this.parseGroup(depth);
      case '\\':
        return this.parseEscape(false);
      case '*':
      case '+':
      case '?':
        this.fail('nothing to repeat', start);
      // eslint-disable-next-line no-fallthrough
      case '{':
        // A `{` that does not start a valid quantifier is a literal in Python.
        if (/^\{(?!\})\d*(?:,\d*)?\}/.test(this.src.slice(this.pos)))
          this.fail('nothing to repeat', start);
        this.pos++;
        return { t: 'char', cp: 0x7b };
      default:
        return { t: 'char', cp: this.nextCodePoint() };
    }
  }

  parseGroup(depth: number): RegexNode | null {
    const open = this.pos;
    this.pos++; // (
    if (this.peek() !== '?') {
      const index = ++this.groupCount;
      const body = this.parseAlt(depth + 1);
      this.expect(')', open);
      return { t: 'group', capture: true, name: null, index, body };
    }
    this.pos++; // ?
    const c = this.peek();
    if (c === ':') {
      this.pos++;
      const body = this.parseAlt(depth + 1);
      this.expect(')', open);
      return { t: 'alt', alt: body };
    }
    if (c === 'P') {
      this.pos++;
      const kind = this.peek();
      if (kind === '<') {
        this.pos++;
        const end = this.src.indexOf('>', this.pos);
        if (end === -1) this.fail('missing >, unterminated name');
        const name = this.src.slice(this.pos, end);
        if (!isIdentifier(name)) this.fail(`bad character in group name '${name}'`);
        if (this.groupNames.includes(name) && !this.allowDuplicateNames) {
          this.fail(`redefinition of group name '${name}'`);
        }
        this.pos = end + 1;
        const index = ++this.groupCount;
        this.groupNames.push(name);
        const body = this.parseAlt(depth + 1);
        this.expect(')', open);
        return { t: 'group', capture: true, name, index, body };
      }
      if (kind === '=') {
        this.pos++;
        const end = this.src.indexOf(')', this.pos);
        if (end === -1) this.fail('missing ), unterminated name');
        const name = this.src.slice(this.pos, end);
        if (!this.groupNames.includes(name)) this.fail(`unknown group name '${name}'`);
        this.pos = end + 1;
        return { t: 'backref', name, index: this.groupNames.indexOf(name) };
      }
      this.nonReversible ??= `(?P${kind ?? ''}`;
      this.fail(`unknown extension ?P${kind ?? ''}`);
    }
    if (c === '=' || c === '!') {
      this.pos++;
      const body = this.parseAlt(depth + 1);
      this.expect(')', open);
      return { t: 'look', behind: false, negate: c === '!', body };
    }
    if (c === '<' && (this.src[this.pos + 1] === '=' || this.src[this.pos + 1] === '!')) {
      const negate = this.src[this.pos + 1] === '!';
      this.pos += 2;
      const body = this.parseAlt(depth + 1);
      this.expect(')', open);
      return { t: 'look', behind: true, negate, body };
    }
    if (c === '#') {
      const end = this.src.indexOf(')', this.pos);
      if (end === -1) this.fail('missing ), unterminated comment');
      this.nonReversible ??= '(?#';
      this.pos = end + 1;
      return null;
    }
    if (c === '(') this.fail('conditional groups (?(…)…) have no JavaScript equivalent');
    if (c === '>') this.fail('atomic groups (?>…) have no JavaScript equivalent');
    // Inline flags: (?aiLmsux) applies to the whole pattern; (?flags:…) is scoped.
    const m = /^[aiLmsux-]+/.exec(this.src.slice(this.pos));
    if (m !== null) {
      const letters = m[0];
      const after = this.src[this.pos + letters.length];
      if (after === ':') {
        this.fail(
          `scoped inline flags (?${letters}:…) have no JavaScript equivalent on Node 20; set the flag for the whole pattern with (?${letters.replace('-', '')}) at its start`,
        );
      }
      if (after !== ')' || letters.includes('-')) this.fail('missing -, : or )');
      for (const letter of letters) {
        if (letter === 'L')
          this.fail('the locale flag (?L) is not supported (it needs Python bytes patterns)');
        if (
          letter === 'i' ||
          letter === 'm' ||
          letter === 's' ||
          letter === 'x' ||
          letter === 'a'
        ) {
          this.flags[letter] = true;
        }
      }
      this.nonReversible ??= `(?${letters[0]!}`;
      this.pos += letters.length + 1;
      return null;
    }
    this.fail(`unknown extension ?${c ?? ''}`);
  }

  expect(char: string, open: number): void {
    this.skipVerbose();
    if (this.peek() !== char) this.fail('missing ), unterminated subpattern', open);
    this.pos++;
  }

  parseClass(): RegexNode {
    const open = this.pos;
    this.pos++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    // Django's normaliser represents a class by the first character after `[` (even `^`).
    const items: ClassItem[] = [];
    let first: string | null = negated ? '^' : null;
    let isFirst = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unterminated character set', open);
      if (c === ']' && !isFirst) {
        this.pos++;
        break;
      }
      isFirst = false;
      const lo = this.classAtom();
      first ??= lo.repr;
      if (
        lo.cp !== null &&
        this.peek() === '-' &&
        this.src[this.pos + 1] !== ']' &&
        this.src[this.pos + 1] !== undefined
      ) {
        this.pos++;
        const hi = this.classAtom();
        if (hi.cp === null) this.fail('bad character range');
        if (hi.cp < lo.cp) this.fail('bad character range');
        items.push({ t: 'range', from: lo.cp, to: hi.cp });
      } else if (lo.cp !== null) {
        items.push({ t: 'range', from: lo.cp, to: lo.cp });
      } else {
        items.push(lo.item!);
      }
    }
    return { t: 'class', negated, items, first: first ?? '' };
  }

  classAtom(): { cp: number | null; item?: ClassItem; repr: string } {
    if (this.peek() === '\\') {
      const e = this.parseEscape(true);
      if (e.t === 'char') return { cp: e.cp, repr: String.fromCodePoint(e.cp) };
      if (e.t === 'esc') return { cp: null, item: e, repr: NORMALISE_ESCAPES[e.kind] ?? '' };
      this.fail('bad escape in character class');
    }
    const cp = this.nextCodePoint();
    return { cp, repr: String.fromCodePoint(cp) };
  }

  parseEscape(inClass: boolean): RegexNode {
    const start = this.pos;
    this.pos++; // backslash
    const c = this.src[this.pos];
    if (c === undefined) this.fail('bad escape (end of pattern)', start);
    this.pos++;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        return { t: 'esc', kind: c };
      case 'n':
        return { t: 'char', cp: 10 };
      case 't':
        return { t: 'char', cp: 9 };
      case 'r':
        return { t: 'char', cp: 13 };
      case 'f':
        return { t: 'char', cp: 12 };
      case 'v':
        return { t: 'char', cp: 11 };
      case 'a':
        return { t: 'char', cp: 7 };
      case 'b':
        return inClass ? { t: 'char', cp: 8 } : { t: 'assert', kind: 'b' };
      case 'B':
      case 'A':
      case 'Z':
        if (inClass) this.fail(`bad escape \\${c}`, start);
        return { t: 'assert', kind: c };
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
        if (m === null) this.fail(`incomplete escape \\x`, start);
        this.pos += 2;
        return { t: 'char', cp: parseInt(m[0], 16) };
      }
      case 'u':
      case 'U': {
        const n = c === 'u' ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + n);
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex))
          this.fail(`incomplete escape \\${c}`, start);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) this.fail(`bad escape \\${c}${hex}`, start);
        this.pos += n;
        return { t: 'char', cp };
      }
      case 'N':
        this.fail(
          'named Unicode escapes \\N{…} are not supported; write the character itself',
          start,
        );
      // eslint-disable-next-line no-fallthrough
      case '0': {
        const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))!;
        this.pos += m[0].length;
        return { t: 'char', cp: parseInt(`0${m[0]}`, 8) };
      }
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      // Octal escape (three octal digits) or a numbered back-reference.
      const octal = /^[0-7]{2}/.exec(this.src.slice(this.pos));
      if (c <= '7' && octal !== null) {
        this.pos += 2;
        return { t: 'char', cp: parseInt(c + octal[0], 8) };
      }
      if (inClass) this.fail(`bad escape \\${c}`, start);
      let digits = c;
      if (/[0-9]/.test(this.src[this.pos] ?? '')) digits += this.src[this.pos++];
      const index = Number(digits);
      if (index > this.groupCount) this.fail(`invalid group reference ${index}`, start);
      return { t: 'backref', name: null, index };
    }
    if (/[a-zA-Z]/.test(c)) this.fail(`bad escape \\${c}`, start);
    // Any other escaped character stands for itself (a surrogate pair is one character).
    this.pos--;
    return { t: 'char', cp: this.nextCodePoint() };
  }
}

/** What Django's normaliser puts in place of each escape class (`None` ones are dropped). */
const NORMALISE_ESCAPES: Record<string, string | undefined> = {
  d: '0',
  D: 'x',
  s: ' ',
  S: 'x',
  w: 'x',
  W: '!',
};

/**
 * Parse a Python-syntax regex. Throws `RegexSyntaxError` with Python's wording where it has one.
 */
export function parsePythonRegex(source: string, allowDuplicateNames = false): ParsedRegex {
  const parser = new Parser(source, allowDuplicateNames);
  // Python reads global flags before parsing, so (?x) anywhere changes how the whole pattern is
  // read; look for flags groups first.
  for (const m of source.matchAll(/\(\?([aiLmsux]+)\)/g)) {
    if (m[1]!.includes('x')) parser.flags.x = true;
  }
  const root = parser.parseAlt(0);
  return {
    source,
    root,
    flags: parser.flags,
    groupCount: parser.groupCount,
    groupNames: parser.groupNames,
    nonReversible: parser.nonReversible,
  };
}

// ---------------------------------------------------------------------------------------------
// Emitting JavaScript

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split('').map((c) => c.charCodeAt(0)));

function emitCodePoint(cp: number, inClass: boolean): string {
  if (
    cp < 0x20 ||
    cp === 0x7f ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0x2028 ||
    cp === 0x2029
  ) {
    return `\\u{${cp.toString(16)}}`;
  }
  if (inClass) {
    if (cp === 0x5c || cp === 0x5d || cp === 0x5b || cp === 0x5e || cp === 0x2d) {
      return `\\${String.fromCharCode(cp)}`;
    }
    return String.fromCodePoint(cp);
  }
  if (SYNTAX.has(cp)) return `\\${String.fromCharCode(cp)}`;
  return String.fromCodePoint(cp);
}

function emitEscape(
  kind: 'd' | 'D' | 'w' | 'W' | 's' | 'S',
  ascii: boolean,
  inClass: boolean,
): string {
  if (ascii) return `\\${kind}`;
  switch (kind) {
    case 'd':
      return '\\p{Nd}';
    case 'D':
      return '\\P{Nd}';
    case 'w':
      return inClass ? '\\p{L}\\p{N}_' : '[\\p{L}\\p{N}_]';
    case 'W':
      // A negated union cannot sit inside a JavaScript class without the `v` flag; JavaScript's
      // own ASCII `\W` is the closest there.
      return inClass ? '\\W' : '[^\\p{L}\\p{N}_]';
    case 's':
      return inClass ? '\\s\\x1c-\\x1f' : '[\\s\\x1c-\\x1f]';
    case 'S':
      return inClass ? '\\S' : '[^\\s\\x1c-\\x1f]';
  }
}

export interface EmitOptions {
  /** Turn capturing groups into non-capturing ones (named back-references then fail to emit). */
  noCapture?: boolean;
}

/** Emit the JavaScript (`u` flag) source of a parsed Python regex, with Python's meaning. */
export function emitJs(parsed: ParsedRegex, options: EmitOptions = {}): string {
  const { flags } = parsed;
  const emitAlt = (alt: RegexAlt): string => alt.branches.map(emitSeq).join('|');
  const emitSeq = (seq: RegexNode[]): string => seq.map(emitNode).join('');
  const emitNode = (node: RegexNode): string => {
    switch (node.t) {
      case 'char':
        if (flags.i) {
          const ch = String.fromCodePoint(node.cp);
          const lower = ch.toLowerCase();
          const upper = ch.toUpperCase();
          if (lower !== upper && [...lower].length === 1 && [...upper].length === 1) {
            return `[${emitCodePoint(lower.codePointAt(0)!, true)}${emitCodePoint(upper.codePointAt(0)!, true)}]`;
          }
        }
        return emitCodePoint(node.cp, false);
      case 'any':
        return flags.s ? '[^]' : '[^\\n]';
      case 'esc':
        return emitEscape(node.kind, flags.a, false);
      case 'class': {
        const body = node.items
          .map((item) =>
            item.t === 'esc'
              ? emitEscape(item.kind, flags.a, true)
              : item.from === item.to
                ? emitCodePoint(item.from, true)
                : `${emitCodePoint(item.from, true)}-${emitCodePoint(item.to, true)}`,
          )
          .join('');
        return `[${node.negated ? '^' : ''}${body}]`;
      }
      case 'assert':
        switch (node.kind) {
          case '^':
            return flags.m ? '(?<![^\\n])' : '^';
          case 'A':
            return '^';
          case '$':
            // Python's `$` also matches just before a final newline.
            return flags.m ? '(?=\\n|$)' : '(?=\\n?$)';
          case 'Z':
            return '$';
          case 'b':
            return '\\b';
          case 'B':
            return '\\B';
        }
      // eslint-disable-next-line no-fallthrough
      case 'group':
        if (options.noCapture) return `(?:${emitAlt(node.body)})`;
        return node.name === null
          ? `(${emitAlt(node.body)})`
          : `(?<${node.name}>${emitAlt(node.body)})`;
      case 'alt':
        return `(?:${emitAlt(node.alt)})`;
      case 'look':
        return `(?${node.behind ? '<' : ''}${node.negate ? '!' : '='}${emitAlt(node.body)})`;
      case 'backref':
        if (options.noCapture) throw new Error('back-reference in a regex emitted without groups');
        return node.name === null ? `\\${node.index}` : `\\k<${node.name}>`;
      case 'quant': {
        let body = emitNode(node.body);
        if (node.body.t === 'char' && body.length > 1 && !body.startsWith('['))
          body = `(?:${body})`;
        if (node.body.t === 'assert' || node.body.t === 'look') body = `(?:${body})`;
        const q =
          node.min === 0 && node.max === Infinity
            ? '*'
            : node.min === 1 && node.max === Infinity
              ? '+'
              : node.min === 0 && node.max === 1
                ? '?'
                : node.max === Infinity
                  ? `{${node.min},}`
                  : node.min === node.max
                    ? `{${node.min}}`
                    : `{${node.min},${node.max}}`;
        return body + q + (node.lazy ? '?' : '');
      }
    }
  };
  return emitAlt(parsed.root);
}

// ---------------------------------------------------------------------------------------------
// Django's reverse normaliser

/** A reverse form: literal text and parameter placeholders, plus the parameters it needs. */
export interface ReverseForm {
  parts: Array<string | { param: string }>;
  params: string[];
}

class AlternationFound extends Error {}

/**
 * What Django's normaliser gives for a `|` outside capturing groups: the single empty form. Kept
 * as one shared value so checks can tell it from a regex that really reverses to the empty path.
 */
export const ALTERNATION_FORMS: ReverseForm[] = [{ parts: [], params: [] }];

type NormItem = { lit: string } | { param: string; own: boolean } | { choice: NormItem[][] };

/**
 * Django's `regex_helper.normalize()` over the syntax tree: one form per combination of optional
 * capturing groups. A `|` outside capturing groups gives the single empty form (not reversible),
 * exactly as Django. Throws when the regex holds an inline flag or comment (Django's
 * "Non-reversible reg-exp portion").
 */
export function normalizeRegex(parsed: ParsedRegex): ReverseForm[] {
  if (parsed.nonReversible !== null) {
    throw new Error(`Non-reversible reg-exp portion: '${parsed.nonReversible}'`);
  }
  let positional = 0;
  let stopped = false;
  const walkSeq = (seq: RegexNode[]): NormItem[] => {
    const out: NormItem[] = [];
    for (const node of seq) {
      if (stopped) break;
      out.push(...walkNode(node));
    }
    return out;
  };
  const walkAlt = (alt: RegexAlt): NormItem[] => {
    if (alt.branches.length > 1) throw new AlternationFound();
    return walkSeq(alt.branches[0]!);
  };
  const walkNode = (node: RegexNode): NormItem[] => {
    switch (node.t) {
      case 'char':
        return [{ lit: String.fromCodePoint(node.cp) }];
      case 'any':
        return [{ lit: '.' }];
      case 'esc':
        return [{ lit: NORMALISE_ESCAPES[node.kind] ?? '' }];
      case 'class':
        return [{ lit: node.first }];
      case 'assert':
        if (node.kind === '$') stopped = true;
        return [];
      case 'look':
        return [];
      case 'group':
        if (node.name !== null) return [{ param: node.name, own: true }];
        return [{ param: `_${positional++}`, own: true }];
      case 'backref': {
        // Django only understands named back-references; `\1` is read as the literal "1".
        if (node.name === null) return [{ lit: String(node.index) }];
        return [{ param: node.name, own: false }];
      }
      case 'alt':
        return walkAlt(node.alt);
      case 'quant': {
        const inner = walkNode(node.body);
        if (node.min === 0) {
          if (containsParam(inner)) return [{ choice: [[], inner] }];
          return [];
        }
        const out: NormItem[] = [];
        for (let i = 0; i < node.min; i++) out.push(...inner);
        return out;
      }
    }
  };
  let items: NormItem[];
  try {
    items = walkAlt(parsed.root);
  } catch (error) {
    if (error instanceof AlternationFound) return ALTERNATION_FORMS;
    throw error;
  }
  return flatten(items);
}

function containsParam(items: NormItem[]): boolean {
  return items.some((item) =>
    'param' in item ? true : 'choice' in item ? item.choice.some(containsParam) : false,
  );
}

function flatten(items: NormItem[]): ReverseForm[] {
  let forms: ReverseForm[] = [{ parts: [], params: [] }];
  for (const item of items) {
    if ('lit' in item) {
      for (const form of forms) appendLiteral(form.parts, item.lit);
    } else if ('param' in item) {
      for (const form of forms) {
        form.parts.push({ param: item.param });
        if (item.own) form.params.push(item.param);
      }
    } else {
      const next: ReverseForm[] = [];
      for (const form of forms) {
        for (const option of item.choice) {
          for (const sub of flatten(option)) {
            const parts = form.parts.slice();
            for (const part of sub.parts) {
              if (typeof part === 'string') appendLiteral(parts, part);
              else parts.push(part);
            }
            next.push({ parts, params: [...form.params, ...sub.params] });
          }
        }
      }
      forms = next;
    }
  }
  return forms;
}

function appendLiteral(parts: Array<string | { param: string }>, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}

// ---------------------------------------------------------------------------------------------
// Catastrophic backtracking heuristic

/**
 * Find a construct likely to backtrack exponentially: an unbounded repetition whose body itself
 * contains an unbounded repetition (`(a+)+`, `(.*x)*`) or an alternation whose branches can start
 * with the same character (`(a|ab)*`). Returns a description of the construct, or null. This is a
 * heuristic (no false negatives for those shapes; some false positives).
 */
export function findCatastrophicBacktracking(parsed: ParsedRegex): string | null {
  let found: string | null = null;
  const visit = (node: RegexNode, insideUnbounded: boolean): boolean => {
    // returns whether node contains an unbounded quantifier
    switch (node.t) {
      case 'quant': {
        const unbounded = node.max === Infinity || node.max > 16;
        if (unbounded && insideUnbounded && found === null) {
          found = 'nested unbounded repetition';
        }
        const innerHas = visit(node.body, insideUnbounded || unbounded);
        if (unbounded && found === null && hasOverlappingAlternation(node.body)) {
          found = 'repeated alternation whose branches overlap';
        }
        return unbounded || innerHas;
      }
      case 'group':
      case 'look':
        return visitAlt(node.body, insideUnbounded);
      case 'alt':
        return visitAlt(node.alt, insideUnbounded);
      default:
        return false;
    }
  };
  const visitAlt = (alt: RegexAlt, insideUnbounded: boolean): boolean => {
    let has = false;
    for (const branch of alt.branches)
      for (const node of branch) has = visit(node, insideUnbounded) || has;
    return has;
  };
  visitAlt(parsed.root, false);
  return found;
}

function hasOverlappingAlternation(node: RegexNode): boolean {
  const alt = node.t === 'group' ? node.body : node.t === 'alt' ? node.alt : null;
  if (alt === null || alt.branches.length < 2) return false;
  const firsts = alt.branches.map((branch) => firstChars(branch));
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      const a = firsts[i]!;
      const b = firsts[j]!;
      if (a === 'any' || b === 'any') return true;
      for (const cp of a) if (b.has(cp)) return true;
    }
  }
  return false;
}

/** The set of characters a branch can start with (sampled over ASCII), or 'any' when unknown. */
function firstChars(seq: RegexNode[]): Set<number> | 'any' {
  const node = seq[0];
  if (node === undefined) return 'any';
  const sample = (test: (cp: number) => boolean): Set<number> => {
    const set = new Set<number>();
    for (let cp = 0; cp < 128; cp++) if (test(cp)) set.add(cp);
    return set;
  };
  switch (node.t) {
    case 'char':
      return new Set([node.cp]);
    case 'class':
      return sample((cp) => {
        const inItems = node.items.some((item) =>
          item.t === 'range' ? cp >= item.from && cp <= item.to : escMatches(item.kind, cp),
        );
        return node.negated ? !inItems : inItems;
      });
    case 'esc':
      return sample((cp) => escMatches(node.kind, cp));
    case 'group':
      return node.body.branches.length === 1 ? firstChars(node.body.branches[0]!) : 'any';
    case 'alt':
      return node.alt.branches.length === 1 ? firstChars(node.alt.branches[0]!) : 'any';
    default:
      return 'any';
  }
}

function escMatches(kind: 'd' | 'D' | 'w' | 'W' | 's' | 'S', cp: number): boolean {
  const ch = String.fromCharCode(cp);
  const re = { d: /\d/, D: /\D/, w: /\w/, W: /\W/, s: /\s/, S: /\S/ }[kind];
  return re.test(ch);
}

/** Whether a parsed regex can match a string containing `/` (conservative: true when unsure). */
export function canMatchSlash(parsed: ParsedRegex): boolean {
  const SLASH = 0x2f;
  const visitAlt = (alt: RegexAlt): boolean => alt.branches.some((b) => b.some(visit));
  const visit = (node: RegexNode): boolean => {
    switch (node.t) {
      case 'char':
        return node.cp === SLASH;
      case 'any':
        return true;
      case 'esc':
        return node.kind === 'D' || node.kind === 'W' || node.kind === 'S';
      case 'class': {
        const has = node.items.some((item) =>
          item.t === 'range'
            ? SLASH >= item.from && SLASH <= item.to
            : escMatches(item.kind, SLASH),
        );
        return node.negated ? !has : has;
      }
      case 'assert':
        return false;
      case 'group':
        return visitAlt(node.body);
      case 'alt':
        return visitAlt(node.alt);
      case 'look':
        return false;
      case 'backref':
        return true;
      case 'quant':
        return visit(node.body);
    }
  };
  return visitAlt(parsed.root);
}
