/**
 * Which regexes a backtracking engine is guaranteed to match in linear time (issue #19 item 7).
 * The rule is conservative (no false negatives, some false positives): every repetition that can
 * give characters back must be of a single character class none of whose characters can come
 * next, so giving one back fails at once and the engine never retries a split of the input; a
 * repeated group is allowed only with a fixed count; a search that is not anchored with `^` may
 * not repeat without bound (it would retry from every start). Everything else goes to the linear
 * engine (`linear-regex.ts`).
 */
import type { ParsedRegex, RegexAlt, RegexNode } from './python-regex.js';
import type { FlaggedAlt } from './linear-regex.js';
import { nullable } from './linear-regex.js';

type Flags = ParsedRegex['flags'];

/** A character set: ASCII exactly, everything above it as one conservative bit. */
interface CharSet {
  ascii: Uint8Array;
  high: boolean;
}

function emptySet(): CharSet {
  return { ascii: new Uint8Array(128), high: false };
}

function fullSet(): CharSet {
  return { ascii: new Uint8Array(128).fill(1), high: true };
}

function addInto(into: CharSet, from: CharSet): void {
  for (let i = 0; i < 128; i++) if (from.ascii[i] === 1) into.ascii[i] = 1;
  if (from.high) into.high = true;
}

function overlaps(x: CharSet, y: CharSet): number | 'high' | null {
  for (let i = 0; i < 128; i++) if (x.ascii[i] === 1 && y.ascii[i] === 1) return i;
  return x.high && y.high ? 'high' : null;
}

const ESCAPES = { d: /\d/u, D: /\D/u, w: /\w/u, W: /\W/u, s: /\s/u, S: /\S/u };

function atomSet(node: RegexNode, flags: Flags): CharSet | null {
  const set = emptySet();
  switch (node.t) {
    case 'char': {
      const ch = String.fromCodePoint(node.cp);
      for (const c of flags.i ? [ch, ch.toLowerCase(), ch.toUpperCase()] : [ch]) {
        const cp = c.codePointAt(0)!;
        if (cp < 128) set.ascii[cp] = 1;
        else set.high = true;
      }
      // Case folding can map an ASCII letter to a non-ASCII one (K to the Kelvin sign).
      if (flags.i) set.high = true;
      return set;
    }
    case 'any':
      return fullSet();
    case 'esc':
      for (let cp = 0; cp < 128; cp++)
        if (ESCAPES[node.kind].test(String.fromCharCode(cp))) set.ascii[cp] = 1;
      set.high = true;
      return set;
    case 'class': {
      let high = false;
      for (let cp = 0; cp < 128; cp++) {
        const hit = node.items.some((item) =>
          item.t === 'range'
            ? (cp >= item.from && cp <= item.to) ||
              (flags.i && inRangeFolded(cp, item.from, item.to))
            : ESCAPES[item.kind].test(String.fromCharCode(cp)),
        );
        if (hit !== node.negated) set.ascii[cp] = 1;
      }
      for (const item of node.items) if (item.t === 'esc' || item.to >= 128) high = true;
      set.high = node.negated || high || flags.i;
      return set;
    }
    default:
      return null;
  }
}

function inRangeFolded(cp: number, from: number, to: number): boolean {
  const ch = String.fromCharCode(cp);
  for (const c of [ch.toLowerCase(), ch.toUpperCase()]) {
    const x = c.codePointAt(0)!;
    if (x >= from && x <= to) return true;
  }
  return false;
}

interface First {
  set: CharSet;
  nullable: boolean;
}

function firstOf(node: RegexNode, flags: Flags): First {
  const atom = atomSet(node, flags);
  if (atom !== null) return { set: atom, nullable: false };
  switch (node.t) {
    case 'assert':
    case 'look':
      return { set: emptySet(), nullable: true };
    case 'backref':
      return { set: fullSet(), nullable: true };
    case 'quant': {
      const body = firstOf(node.body, flags);
      return { set: body.set, nullable: node.min === 0 || body.nullable };
    }
    case 'group':
      return firstOfAlt(node.body, flags);
    case 'alt':
      return firstOfAlt(node.alt, flags);
    default:
      return { set: fullSet(), nullable: true };
  }
}

function firstOfAlt(alt: RegexAlt, flags: Flags): First {
  const set = emptySet();
  let isNullable = false;
  for (const branch of alt.branches) {
    const f = firstOfSeq(branch, 0, flags);
    addInto(set, f.set);
    if (f.nullable) isNullable = true;
  }
  return { set, nullable: isNullable };
}

function firstOfSeq(seq: readonly RegexNode[], from: number, flags: Flags): First {
  const set = emptySet();
  for (let i = from; i < seq.length; i++) {
    const f = firstOf(seq[i]!, flags);
    addInto(set, f.set);
    if (!f.nullable) return { set, nullable: false };
  }
  return { set, nullable: true };
}

function describeChar(at: number | 'high'): string {
  return at === 'high' ? 'a non-ASCII character' : JSON.stringify(String.fromCharCode(at));
}

class Analysis {
  reason: string | null = null;

  alt(alt: RegexAlt, flags: Flags, follow: CharSet): void {
    for (const branch of alt.branches) this.seq(branch, flags, follow);
  }

  seq(seq: readonly RegexNode[], flags: Flags, follow: CharSet): void {
    for (let i = 0; i < seq.length && this.reason === null; i++) {
      const rest = firstOfSeq(seq, i + 1, flags);
      const next = rest.set;
      if (rest.nullable) addInto(next, follow);
      this.node(seq[i]!, flags, next);
    }
  }

  node(node: RegexNode, flags: Flags, follow: CharSet): void {
    switch (node.t) {
      case 'group':
        this.alt(node.body, flags, follow);
        return;
      case 'alt':
        this.alt(node.alt, flags, follow);
        return;
      case 'look':
        // The lookaround's own match ends where its body ends: nothing follows it there.
        this.alt(node.body, flags, emptySet());
        return;
      case 'quant':
        this.quant(node, flags, follow);
        return;
      default:
    }
  }

  quant(node: Extract<RegexNode, { t: 'quant' }>, flags: Flags, follow: CharSet): void {
    if (node.max <= 1) {
      this.node(node.body, flags, follow);
      return;
    }
    const atom = atomSet(node.body, flags);
    if (atom !== null) {
      if (node.min === node.max) return;
      const at = overlaps(atom, follow);
      if (at !== null) {
        this.reason = `a repetition that can also match what follows it (${describeChar(at)}), so the text can be split between them in many ways`;
      }
      return;
    }
    if (node.min !== node.max || nullable(node.body)) {
      this.reason =
        'a repeated group (nested or alternating repetition), whose repetitions can split the text in many ways';
      return;
    }
    const next = firstOf(node.body, flags).set;
    addInto(next, follow);
    this.node(node.body, flags, next);
  }
}

function repeatsWithoutBound(alt: RegexAlt): boolean {
  const visit = (node: RegexNode): boolean => {
    switch (node.t) {
      case 'quant':
        return node.max > 16 || visit(node.body);
      case 'group':
      case 'look':
        return repeatsWithoutBound(node.body);
      case 'alt':
        return repeatsWithoutBound(node.alt);
      default:
        return false;
    }
  };
  return alt.branches.some((branch) => branch.some(visit));
}

/** Whether every branch of the first fragment starts with `^` (without `m`) or `\A`. */
export function isAnchored(fragments: readonly FlaggedAlt[]): boolean {
  const first = fragments[0];
  if (first === undefined) return false;
  return first.root.branches.every((branch) => {
    const node = branch[0];
    return (
      node !== undefined &&
      node.t === 'assert' &&
      (node.kind === 'A' || (node.kind === '^' && !first.flags.m))
    );
  });
}

/**
 * Why a backtracking engine could take super-linear time on these fragments matched in sequence
 * (a sentence naming the construct), or null when it provably takes linear time.
 *
 * @example
 * findSuperLinear([{ root: parsePythonRegex('^(a+)+$').root, flags }], true); // 'a repeated group …'
 */
export function findSuperLinear(
  fragments: readonly FlaggedAlt[],
  anchored: boolean,
): string | null {
  if (!anchored && fragments.some((f) => repeatsWithoutBound(f.root))) {
    return 'a repetition in a search that is not anchored with ^, which is retried from every position';
  }
  const analysis = new Analysis();
  // Fragments in sequence: each one's follow set is the next ones' first characters.
  for (let i = 0; i < fragments.length && analysis.reason === null; i++) {
    const follow = emptySet();
    for (let j = i + 1; j < fragments.length; j++) {
      const f = firstOfAlt(fragments[j]!.root, fragments[j]!.flags);
      addInto(follow, f.set);
      if (!f.nullable) break;
    }
    analysis.alt(fragments[i]!.root, fragments[i]!.flags, follow);
  }
  return analysis.reason;
}

/** The most backtracking steps a native match may take where `nativeLimit` lets it run. */
export const NATIVE_BUDGET = 20_000;

/**
 * The longest input on which the native regex is still cheap (at most `NATIVE_BUDGET` steps in
 * the worst case), or -1. Only for anchored regexes whose choices are all repetitions of one
 * character class (no alternation, optional part, lookaround or repeated group with a variable
 * count): a backtracking engine then tries at most (n + 1)^k splits for k such repetitions, each
 * costing at most (pattern + n) steps. Short paths keep the native engine's speed on routes such
 * as `<str:a>-<str:b>/`; anything longer runs on the linear engine.
 *
 * @example
 * nativeLimit(fragments, 17); // 22 for `t/<str:a>-<str:b>/`
 */
export function nativeLimit(fragments: readonly FlaggedAlt[], programSize: number): number {
  let degree = 0;
  const visit = (node: RegexNode, times: number): boolean => {
    switch (node.t) {
      case 'char':
      case 'any':
      case 'class':
      case 'esc':
      case 'assert':
        return true;
      case 'group':
        return (
          node.body.branches.length === 1 && node.body.branches[0]!.every((n) => visit(n, times))
        );
      case 'alt':
        return (
          node.alt.branches.length === 1 && node.alt.branches[0]!.every((n) => visit(n, times))
        );
      case 'quant':
        if (atomSet(node.body, NO_FLAGS) !== null) {
          if (node.min !== node.max) {
            if (node.max <= 1) return false;
            degree += times;
          }
          return true;
        }
        return node.min === node.max && visit(node.body, times * node.min);
      default:
        return false;
    }
  };
  for (const fragment of fragments) {
    if (fragment.root.branches.length !== 1) return -1;
    if (!fragment.root.branches[0]!.every((n) => visit(n, 1))) return -1;
  }
  if (degree === 0) return -1;
  let n = 0;
  while ((n + 2) ** degree * (programSize + n + 1) <= NATIVE_BUDGET) n++;
  return n;
}

const NO_FLAGS: Flags = { i: false, m: false, s: false, x: false, a: false };
