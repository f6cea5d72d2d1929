/**
 * `pythonJsonLoads()`: Python's `json.loads`, which also reads the `NaN`, `Infinity` and
 * `-Infinity` that `json.dumps` (and `pythonJsonDumps()`) writes for non-finite floats.
 */

/**
 * Parse JSON text as Python's `json.loads` does: `JSON.parse`, and when that refuses text holding
 * `NaN` or `Infinity` outside its strings, a parse that reads them as numbers. A session Django
 * saved with `float('nan')` in it then loads in reins, and one reins saved loads again.
 *
 * @throws {SyntaxError} for text neither reads.
 * @example
 * pythonJsonLoads('{"ratio": NaN, "limit": -Infinity}'); // { ratio: NaN, limit: -Infinity }
 */
export function pythonJsonLoads(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Only text that could hold Python's constants takes the slow road.
    if (!text.includes('NaN') && !text.includes('Infinity')) throw error;
    const reader = new Reader(text);
    const value = reader.value();
    reader.end();
    return value;
  }
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
// A JSON number: JSON.parse reads the slice, so only its extent is found here.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const CONSTANTS: readonly (readonly [string, unknown])[] = [
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['true', true],
  ['false', false],
  ['null', null],
];

/** A recursive-descent JSON reader with Python's three constants; strings and numbers go to JSON.parse. */
class Reader {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  value(): unknown {
    this.#skip();
    const text = this.#text;
    const code = text.charCodeAt(this.#at);
    if (code === 0x7b) return this.#object(); // '{'
    if (code === 0x5b) return this.#array(); // '['
    if (code === 0x22) return this.#string(); // '"'
    for (const [word, constant] of CONSTANTS) {
      if (text.startsWith(word, this.#at)) {
        this.#at += word.length;
        return constant;
      }
    }
    NUMBER.lastIndex = this.#at;
    const number = NUMBER.exec(text);
    if (number === null) this.#fail();
    this.#at += number[0].length;
    return JSON.parse(number[0]) as number;
  }

  end(): void {
    this.#skip();
    if (this.#at !== this.#text.length) this.#fail();
  }

  #object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.#at++;
    if (this.#next() === 0x7d) {
      this.#at++;
      return result;
    }
    for (;;) {
      if (this.#next() !== 0x22) this.#fail();
      const key = this.#string();
      if (this.#next() !== 0x3a) this.#fail(); // ':'
      this.#at++;
      // As JSON.parse: an own data property, even for '__proto__'; a later duplicate wins.
      Object.defineProperty(result, key, {
        value: this.value(),
        writable: true,
        enumerable: true,
        configurable: true,
      });
      if (this.#after(0x7d)) return result; // '}'
    }
  }

  #array(): unknown[] {
    const result: unknown[] = [];
    this.#at++;
    if (this.#next() === 0x5d) {
      this.#at++;
      return result;
    }
    for (;;) {
      result.push(this.value());
      if (this.#after(0x5d)) return result; // ']'
    }
  }

  #string(): string {
    const text = this.#text;
    let end = this.#at + 1;
    for (;;) {
      const code = text.charCodeAt(end);
      if (Number.isNaN(code)) this.#fail();
      if (code === 0x22) break;
      end += code === 0x5c ? 2 : 1; // a backslash escapes the next character
    }
    const value = JSON.parse(text.slice(this.#at, end + 1)) as string;
    this.#at = end + 1;
    return value;
  }

  /** After a member: true at the closing bracket, false after a comma. */
  #after(close: number): boolean {
    const code = this.#next();
    this.#at++;
    if (code === close) return true;
    if (code !== 0x2c) this.#fail(); // ','
    return false;
  }

  #next(): number {
    this.#skip();
    return this.#text.charCodeAt(this.#at);
  }

  #skip(): void {
    while (WHITESPACE.has(this.#text.charCodeAt(this.#at))) this.#at++;
  }

  #fail(): never {
    throw new SyntaxError(`Unexpected token in JSON at position ${this.#at}`);
  }
}
