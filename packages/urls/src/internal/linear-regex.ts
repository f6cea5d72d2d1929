/**
 * A linear-time regex matcher for the patterns a backtracking engine could take super-linear time
 * on (issue #19 item 7): a Pike VM (Thompson NFA simulation) over the parsed Python regex, whose
 * threads keep the backtracking engine's priority order, so it returns the same match and the same
 * captures as the JavaScript `RegExp` built from the same tree, in O(input × program) steps.
 *
 * Characters and zero-width assertions are tested with small JavaScript regexes emitted from the
 * same nodes as the full regex (`emitJs`), so case folding, `\w`, `.` and `$` mean exactly what
 * they mean in the `RegExp` this engine replaces. Back-references are not supported (they make
 * matching NP-hard); lookarounds are, when their bodies repeat nothing unboundedly.
 */
import type { ParsedRegex, RegexAlt, RegexNode } from './python-regex.js';
import { emitJs } from './python-regex.js';

type Flags = ParsedRegex['flags'];

/** A parsed regex fragment with the flags it was written under. */
export interface FlaggedAlt {
  root: RegexAlt;
  flags: Flags;
}

const enum Op {
  Char,
  Split,
  Jmp,
  Save,
  Assert,
  Clear,
  Mark,
  Check,
  Match,
}

type CharTest = (cp: number) => boolean;
type AssertTest = (input: string, pos: number) => boolean;

interface Program {
  ops: Op[];
  /** Char: the test; Split/Jmp: first target; Save/Clear/Mark/Check: slot; Assert: the test. */
  a: Array<CharTest | AssertTest | number>;
  /** Split: second target; Clear: end slot (exclusive). */
  b: number[];
  slots: number;
}

/** Why a regex cannot run on the linear engine (a back-reference, or an unbounded lookaround). */
export class UnsupportedByLinearEngine extends Error {}

/** Below this many (position, instruction) cells, exec() uses the memoised backtracker. */
const BITSTATE_CELLS = 256 * 1024;

/** The largest program the engine builds; counted repeats are unrolled, so `{1,10000}` is refused. */
const MAX_PROGRAM = 20_000;

function singleAtom(node: RegexNode, flags: Flags): string {
  const parsed: ParsedRegex = {
    source: '',
    root: { branches: [[node]] },
    flags,
    groupCount: 0,
    groupNames: [],
    nonReversible: null,
  };
  return emitJs(parsed, { noCapture: true });
}

function charTest(node: RegexNode, flags: Flags): CharTest {
  const re = new RegExp(`^(?:${singleAtom(node, flags)})$`, 'u');
  const ascii = new Uint8Array(128);
  for (let cp = 0; cp < 128; cp++) ascii[cp] = re.test(String.fromCharCode(cp)) ? 1 : 0;
  return (cp) => (cp < 128 ? ascii[cp] === 1 : re.test(String.fromCodePoint(cp)));
}

function assertTest(node: RegexNode, flags: Flags): AssertTest {
  const re = new RegExp(singleAtom(node, flags), 'uy');
  return (input, pos) => {
    re.lastIndex = pos;
    return re.test(input);
  };
}

function hasUnbounded(alt: RegexAlt): boolean {
  const visit = (node: RegexNode): boolean => {
    switch (node.t) {
      case 'quant':
        return node.max === Infinity || visit(node.body);
      case 'group':
      case 'look':
        return hasUnbounded(node.body);
      case 'alt':
        return hasUnbounded(node.alt);
      default:
        return false;
    }
  };
  return alt.branches.some((branch) => branch.some(visit));
}

/** Whether a node can match the empty string. */
export function nullable(node: RegexNode): boolean {
  switch (node.t) {
    case 'char':
    case 'any':
    case 'class':
    case 'esc':
      return false;
    case 'assert':
    case 'look':
    case 'backref':
      return true;
    case 'quant':
      return node.min === 0 || nullable(node.body);
    case 'group':
      return node.body.branches.some((b) => b.every(nullable));
    case 'alt':
      return node.alt.branches.some((b) => b.every(nullable));
  }
}

function groupRange(node: RegexNode): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (n: RegexNode): void => {
    switch (n.t) {
      case 'group':
        if (n.capture) {
          lo = Math.min(lo, n.index);
          hi = Math.max(hi, n.index);
        }
        for (const b of n.body.branches) b.forEach(visit);
        break;
      case 'alt':
        for (const b of n.alt.branches) b.forEach(visit);
        break;
      case 'quant':
        visit(n.body);
        break;
      default:
    }
  };
  visit(node);
  return lo === Infinity ? null : [lo, hi];
}

class Compiler {
  readonly ops: Op[] = [];
  readonly a: Array<CharTest | AssertTest | number> = [];
  readonly b: number[] = [];
  marks = 0;
  readonly tests = new Map<string, CharTest>();

  constructor(
    readonly groupCount: number,
    /** Added to each group's number, for fragments joined after others. */
    public groupOffset = 0,
  ) {}

  emit(op: Op, a: CharTest | AssertTest | number = 0, b = 0): number {
    if (this.ops.length >= MAX_PROGRAM) {
      throw new UnsupportedByLinearEngine(
        `its counted repetitions unroll to more than ${MAX_PROGRAM} steps`,
      );
    }
    this.ops.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.ops.length - 1;
  }

  alt(alt: RegexAlt, flags: Flags): void {
    const { branches } = alt;
    if (branches.length === 1) {
      for (const node of branches[0]!) this.node(node, flags);
      return;
    }
    const jumps: number[] = [];
    for (let i = 0; i < branches.length; i++) {
      if (i < branches.length - 1) {
        const split = this.emit(Op.Split);
        this.a[split] = split + 1;
        for (const node of branches[i]!) this.node(node, flags);
        jumps.push(this.emit(Op.Jmp));
        this.b[split] = this.ops.length;
      } else {
        for (const node of branches[i]!) this.node(node, flags);
      }
    }
    for (const j of jumps) this.a[j] = this.ops.length;
  }

  node(node: RegexNode, flags: Flags): void {
    switch (node.t) {
      case 'char':
      case 'any':
      case 'class':
      case 'esc': {
        const key = singleAtom(node, flags);
        let test = this.tests.get(key);
        if (test === undefined) this.tests.set(key, (test = charTest(node, flags)));
        this.emit(Op.Char, test);
        return;
      }
      case 'assert':
        this.emit(Op.Assert, assertTest(node, flags));
        return;
      case 'look':
        if (hasUnbounded(node.body)) {
          throw new UnsupportedByLinearEngine('it repeats without bound inside a lookaround');
        }
        for (const branch of node.body.branches)
          for (const n of branch)
            if (groupRange(n) !== null || hasBackref(n)) {
              throw new UnsupportedByLinearEngine('it captures inside a lookaround');
            }
        this.emit(Op.Assert, assertTest(node, flags));
        return;
      case 'backref':
        throw new UnsupportedByLinearEngine('it uses a back-reference');
      case 'alt':
        this.alt(node.alt, flags);
        return;
      case 'group':
        if (!node.capture) {
          this.alt(node.body, flags);
          return;
        }
        this.emit(Op.Save, 2 * (node.index + this.groupOffset));
        this.alt(node.body, flags);
        this.emit(Op.Save, 2 * (node.index + this.groupOffset) + 1);
        return;
      case 'quant':
        this.quant(node, flags);
        return;
    }
  }

  /** One iteration: ECMAScript clears the body's captures first; optional ones may not be empty. */
  iteration(body: RegexNode, flags: Flags, optional: boolean): void {
    const range = groupRange(body);
    const check = optional && nullable(body);
    let mark = -1;
    if (check) {
      mark = 2 * (this.groupCount + 1) + this.marks++;
      this.emit(Op.Mark, mark);
    }
    if (range !== null) {
      this.emit(Op.Clear, 2 * (range[0] + this.groupOffset), 2 * (range[1] + this.groupOffset) + 2);
    }
    this.node(body, flags);
    if (check) this.emit(Op.Check, mark);
  }

  quant(node: Extract<RegexNode, { t: 'quant' }>, flags: Flags): void {
    for (let i = 0; i < node.min; i++) this.iteration(node.body, flags, false);
    if (node.max === Infinity) {
      const loop = this.emit(Op.Split);
      this.iteration(node.body, flags, true);
      this.emit(Op.Jmp, loop);
      this.setSplit(loop, loop + 1, this.ops.length, node.lazy);
      return;
    }
    const splits: number[] = [];
    for (let i = node.min; i < node.max; i++) {
      splits.push(this.emit(Op.Split));
      this.iteration(node.body, flags, true);
    }
    const exit = this.ops.length;
    for (const s of splits) this.setSplit(s, s + 1, exit, node.lazy);
  }

  setSplit(at: number, body: number, exit: number, lazy: boolean): void {
    this.a[at] = lazy ? exit : body;
    this.b[at] = lazy ? body : exit;
  }
}

function hasBackref(node: RegexNode): boolean {
  switch (node.t) {
    case 'backref':
      return true;
    case 'quant':
      return hasBackref(node.body);
    case 'group':
    case 'look':
      return node.body.branches.some((b) => b.some(hasBackref));
    case 'alt':
      return node.alt.branches.some((b) => b.some(hasBackref));
    default:
      return false;
  }
}

const NO_FLAGS: Flags = Object.freeze({ i: false, m: false, s: false, x: false, a: false });

/** A fragment matching `text` literally. */
export function literalFragment(text: string): FlaggedAlt {
  const seq: RegexNode[] = [];
  for (const c of text) seq.push({ t: 'char', cp: c.codePointAt(0)! });
  return { root: { branches: [seq] }, flags: NO_FLAGS };
}

/** How a `LinearRegex` is anchored, as the `RegExp` it stands for. */
export interface LinearOptions {
  /** Only try a match at the start of the input (the regex begins with `^`), else search. */
  anchored: boolean;
  /** The match must end at the end of the input (a `$` wrapped around the whole regex). */
  fullmatch: boolean;
}

/**
 * A compiled linear-time matcher. `exec()` returns the capture offsets (`[start0, end0, start1,
 * end1, …]`, -1 for a group that did not take part) or null, as `RegExp.exec` would.
 *
 * @example
 * const re = compileLinear([{ root: parsePythonRegex('^(a+)+!').root, flags }], 1, { anchored: true, fullmatch: false });
 * re.exec('aaa!'); // [0, 4, 0, 3]
 */
export class LinearRegex {
  /** Threads stepped by the last `exec()` (what the tests bound instead of wall time). */
  steps = 0;
  readonly #program: Program;
  readonly #options: LinearOptions;
  readonly #captureSlots: number;
  // Reused by every exec() (nothing in a match calls back into user code): the two thread lists,
  // the ε-closure stack, and the step at which each pc was last added (O(1) dedupe).
  readonly #pcs: [Int32Array, Int32Array];
  readonly #caps: [number[][], number[][]];
  readonly #stackPc: Int32Array;
  readonly #stackCaps: number[][];
  readonly #seen: Int32Array;
  #generation = 0;
  #visited: Uint32Array | null = null;
  #jobPc = new Int32Array(64);
  #jobPos = new Int32Array(64);

  constructor(program: Program, captureSlots: number, options: LinearOptions) {
    this.#program = program;
    this.#captureSlots = captureSlots;
    this.#options = options;
    const size = program.ops.length;
    this.#pcs = [new Int32Array(size), new Int32Array(size)];
    this.#caps = [new Array<number[]>(size), new Array<number[]>(size)];
    this.#stackPc = new Int32Array(size + 1);
    this.#stackCaps = new Array<number[]>(size + 1);
    this.#seen = new Int32Array(size);
  }

  /** The number of instructions, the `m` in O(n·m). */
  get size(): number {
    return this.#program.ops.length;
  }

  /**
   * Add the thread `caps0` at `pc0` and its ε-closure to list `into` (which holds `count`
   * threads) in priority order, at `pos`; returns the new count.
   */
  #add(
    input: string,
    into: 0 | 1,
    count: number,
    pc0: number,
    caps0: number[],
    pos: number,
  ): number {
    const { ops, a, b } = this.#program;
    const seen = this.#seen;
    const generation = this.#generation;
    const stackPc = this.#stackPc;
    const stackCaps = this.#stackCaps;
    const pcs = this.#pcs[into];
    const list = this.#caps[into];
    stackPc[0] = pc0;
    stackCaps[0] = caps0;
    let depth = 1;
    let steps = 0;
    while (depth > 0) {
      depth--;
      let pc = stackPc[depth]!;
      let caps = stackCaps[depth]!;
      for (;;) {
        if (seen[pc] === generation) break;
        seen[pc] = generation;
        steps++;
        const op = ops[pc]!;
        if (op === Op.Char || op === Op.Match) {
          pcs[count] = pc;
          list[count] = caps;
          count++;
          break;
        }
        if (op === Op.Jmp) {
          pc = a[pc] as number;
        } else if (op === Op.Split) {
          stackPc[depth] = b[pc]!;
          stackCaps[depth] = caps;
          depth++;
          pc = a[pc] as number;
        } else if (op === Op.Save || op === Op.Mark) {
          caps = caps.slice();
          caps[a[pc] as number] = pos;
          pc++;
        } else if (op === Op.Assert) {
          if (!(a[pc] as AssertTest)(input, pos)) break;
          pc++;
        } else if (op === Op.Clear) {
          caps = caps.slice();
          for (let s = a[pc] as number; s < b[pc]!; s++) caps[s] = -1;
          pc++;
        } else {
          // Check: an optional iteration that consumed nothing fails (ECMAScript RepeatMatcher).
          if (caps[a[pc] as number] === pos) break;
          pc++;
        }
      }
    }
    this.steps += steps;
    return count;
  }

  /**
   * The match and its capture offsets, or null. Short inputs run on a memoised backtracker
   * (RE2's BitState: each (instruction, position) explored once, so also O(n·m), with less
   * work per step), longer ones on the Pike VM; `engine` forces one (for tests).
   */
  exec(input: string, engine?: 'pike' | 'backtrack'): number[] | null {
    const cells = (input.length + 1) * this.#program.ops.length;
    if (engine === 'backtrack' || (engine === undefined && cells <= BITSTATE_CELLS)) {
      return this.#backtrack(input);
    }
    return this.#pike(input);
  }

  #backtrack(input: string): number[] | null {
    const { ops, a, b, slots } = this.#program;
    const { anchored, fullmatch } = this.#options;
    const n = input.length;
    const width = n + 1;
    const words = Math.ceil((width * ops.length) / 32);
    let visited = this.#visited;
    if (visited === null || visited.length < words)
      visited = this.#visited = new Uint32Array(words);
    else visited.fill(0, 0, words);
    let depth: number;
    let steps = 0;
    const caps = new Array<number>(slots).fill(-1);
    const last = anchored ? 0 : n;
    for (let start = 0; start <= last; start++) {
      caps[0] = start;
      // A job is (pc, pos); a negative pc -(slot + 1) restores caps[slot] to pos when popped.
      depth = this.#push(0, 0, start);
      while (depth > 0) {
        depth--;
        let pc = this.#jobPc[depth]!;
        let pos = this.#jobPos[depth]!;
        if (pc < 0) {
          caps[-pc - 1] = pos;
          continue;
        }
        for (;;) {
          const cell = pc * width + pos;
          const bit = 1 << (cell & 31);
          if ((visited[cell >>> 5]! & bit) !== 0) break;
          visited[cell >>> 5]! |= bit;
          steps++;
          const op = ops[pc]!;
          if (op === Op.Char) {
            if (pos >= n) break;
            const cp = input.codePointAt(pos)!;
            if (!(a[pc] as CharTest)(cp)) break;
            pos += cp > 0xffff ? 2 : 1;
            pc++;
          } else if (op === Op.Split) {
            depth = this.#push(depth, b[pc]!, pos);
            pc = a[pc] as number;
          } else if (op === Op.Jmp) {
            pc = a[pc] as number;
          } else if (op === Op.Save || op === Op.Mark) {
            const slot = a[pc] as number;
            depth = this.#push(depth, -slot - 1, caps[slot]!);
            caps[slot] = pos;
            pc++;
          } else if (op === Op.Clear) {
            for (let slot = a[pc] as number; slot < b[pc]!; slot++) {
              depth = this.#push(depth, -slot - 1, caps[slot]!);
              caps[slot] = -1;
            }
            pc++;
          } else if (op === Op.Assert) {
            if (!(a[pc] as AssertTest)(input, pos)) break;
            pc++;
          } else if (op === Op.Check) {
            if (caps[a[pc] as number] === pos) break;
            pc++;
          } else {
            if (fullmatch && pos !== n) break;
            caps[1] = pos;
            this.steps = steps;
            return caps.slice(0, this.#captureSlots);
          }
        }
      }
    }
    this.steps = steps;
    return null;
  }

  /** Push a job, growing the stack (each instruction pushes at most a few, once per cell). */
  #push(depth: number, pc: number, pos: number): number {
    if (depth === this.#jobPc.length) {
      const pcs = new Int32Array(depth * 2);
      pcs.set(this.#jobPc);
      const positions = new Int32Array(depth * 2);
      positions.set(this.#jobPos);
      this.#jobPc = pcs;
      this.#jobPos = positions;
    }
    this.#jobPc[depth] = pc;
    this.#jobPos[depth] = pos;
    return depth + 1;
  }

  #pike(input: string): number[] | null {
    const { ops, a, slots } = this.#program;
    const { anchored, fullmatch } = this.#options;
    const n = input.length;
    this.steps = 0;
    if (this.#generation > 0x3fffffff) {
      this.#seen.fill(0);
      this.#generation = 0;
    }
    let current: 0 | 1 = 0;
    let count = 0;
    let matched: number[] | null = null;
    for (let pos = 0; pos <= n;) {
      if (matched === null && (pos === 0 || !anchored)) {
        if (pos === 0) this.#generation++;
        const caps = new Array<number>(slots).fill(-1);
        caps[0] = pos;
        count = this.#add(input, current, count, 0, caps, pos);
      }
      if (count === 0 && (anchored || matched !== null)) break;
      // The next list's generation; the start thread added at the next position shares it.
      this.#generation++;
      const pcs = this.#pcs[current];
      const list = this.#caps[current];
      const next: 0 | 1 = current === 0 ? 1 : 0;
      let nextCount = 0;
      const cp = pos < n ? input.codePointAt(pos)! : -1;
      const width = cp > 0xffff ? 2 : 1;
      for (let i = 0; i < count; i++) {
        const pc = pcs[i]!;
        const caps = list[i]!;
        if (ops[pc] === Op.Match) {
          if (fullmatch && pos !== n) continue;
          caps[1] = pos;
          matched = caps;
          // Lower-priority threads lose to this one.
          break;
        }
        if (cp !== -1 && (a[pc] as CharTest)(cp)) {
          nextCount = this.#add(input, next, nextCount, pc + 1, caps, pos + width);
        }
      }
      this.steps += count;
      current = next;
      count = nextCount;
      pos += width;
    }
    // Drop the references the lists still hold to this input's captures.
    this.#caps[0].fill(undefined as unknown as number[]);
    this.#caps[1].fill(undefined as unknown as number[]);
    return matched === null ? null : matched.slice(0, this.#captureSlots);
  }
}

/**
 * Compile fragments, matched one after the other, into a linear-time matcher; group numbers run
 * on across fragments (fragment k's group 1 follows fragment k-1's last group).
 *
 * @throws {UnsupportedByLinearEngine} for a back-reference, a lookaround that repeats without
 *   bound or captures, or a program over `MAX_PROGRAM` instructions.
 */
export function compileLinear(
  fragments: readonly FlaggedAlt[],
  groupCounts: readonly number[],
  options: LinearOptions,
): LinearRegex {
  const total = groupCounts.reduce((x, y) => x + y, 0);
  const compiler = new Compiler(total);
  let offset = 0;
  fragments.forEach((fragment, i) => {
    compiler.groupOffset = offset;
    compiler.alt(fragment.root, fragment.flags);
    offset += groupCounts[i]!;
  });
  // Slot 0 is set where a thread starts, slot 1 at Match.
  compiler.emit(Op.Match);
  const program: Program = {
    ops: compiler.ops,
    a: compiler.a,
    b: compiler.b,
    slots: 2 * (total + 1) + compiler.marks,
  };
  return new LinearRegex(program, 2 * (total + 1), options);
}
