/**
 * Python values as record.py encodes them, decoded for reins and compared with what reins answered.
 */
import type { Json } from './trace.js';

/**
 * Thrown by a mapper when reins has no equivalent of a Django API (the case is then a difference).
 * A `key` names the missing feature, so a skip list can list it as `unmapped <key>`.
 */
export class Unmapped extends Error {
  override name = 'Unmapped';
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** Thrown when the recorded inputs cannot be replayed (record.py marked a value opaque). */
export class Unrecordable extends Error {
  override name = 'Unrecordable';
}

/** A naive or aware Python datetime, kept as its ISO text. */
export class PyDateTime {
  constructor(readonly iso: string) {}
}

/** A file-like payload (FakePayload, BytesIO) a test handed over: its unread bytes. */
export class PyStream {
  constructor(readonly bytes: Uint8Array) {}
}

/** A Python SafeString (text marked safe for HTML). */
export class PySafe {
  constructor(readonly text: string) {}
}

/** A Python date (no time), as its ISO text. */
export class PyDate {
  constructor(readonly iso: string) {}
}

/** A Python Decimal, as its text. */
export class PyDecimal {
  constructor(readonly text: string) {}
}

/** A file a test opened: its base name and content (`text` when opened in text mode). */
export class PyFile {
  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
    readonly text: boolean,
  ) {}
}

/** A Python callable (a view) a test passed, by its module.qualname. */
export class PyCallable {
  constructor(readonly id: string) {}
}

/** A Python dict whose keys are not all strings. */
export class PyDict {
  constructor(readonly entries: [unknown, unknown][]) {}
}

/** Latin-1 text ↔ bytes, as record.py writes `$bytes`. */
export function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function isTagged(value: { [key: string]: Json }, tag: string): boolean {
  return tag in value;
}

/** Decodes a recorded argument; `refs` resolves `$ref`. */
export function decode(value: Json, refs: Map<number, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => decode(v, refs));
  if (isTagged(value, '$ref')) {
    const n = value.$ref as number;
    if (!refs.has(n)) throw new Unrecordable(`object #${n} was not replayed`);
    return refs.get(n);
  }
  if (isTagged(value, '$bytes')) return latin1Bytes(value.$bytes as string);
  if (isTagged(value, '$file')) {
    const file = value.$file as Record<string, Json>;
    return new PyFile(String(file.name), latin1Bytes(String(file.bytes)), file.text === true);
  }
  if (isTagged(value, '$uuid')) return value.$uuid;
  if (isTagged(value, '$safe')) return new PySafe(String(value.$safe));
  if (isTagged(value, '$date')) return new PyDate(String(value.$date));
  if (isTagged(value, '$decimal')) return new PyDecimal(String(value.$decimal));
  if (isTagged(value, '$timedelta')) throw new Unrecordable('a timedelta');
  if (isTagged(value, '$callable')) return new PyCallable(String(value.$callable));
  if (isTagged(value, '$stream')) return new PyStream(latin1Bytes(value.$stream as string));
  if (isTagged(value, '$iter')) {
    const items = (value.$iter as Json[]).map((v) => decode(v, refs));
    // A Python iterator is one-shot; a generator is too.
    return (function* () {
      yield* items;
    })();
  }
  if (isTagged(value, '$dict')) {
    const entries = (value.$dict as [Json, Json][]).map(
      ([k, v]) => [decode(k, refs), decode(v, refs)] as [unknown, unknown],
    );
    if (entries.every(([k]) => typeof k === 'string')) {
      const object: Record<string, unknown> = {};
      for (const [k, v] of entries) object[k as string] = v;
      return object;
    }
    return new PyDict(entries);
  }
  if (isTagged(value, '$set')) return new Set((value.$set as Json[]).map((v) => decode(v, refs)));
  if (isTagged(value, '$lazy')) return decode(value.$lazy ?? null, refs);
  if (isTagged(value, '$datetime')) return new PyDateTime(value.$datetime as string);
  if (isTagged(value, '$int')) return BigInt(value.$int as string);
  if (isTagged(value, '$float')) return Number((value.$float as string).replace('inf', 'Infinity'));
  if (isTagged(value, '$opaque')) throw new Unrecordable(`opaque ${String(value.$opaque)}`);
  if (isTagged(value, '$error')) throw new Unrecordable(`an exception object as argument`);
  throw new Unrecordable(`unknown tag ${Object.keys(value).join(',')}`);
}

/** Whether a recorded value (anywhere inside) is opaque, so nothing can be compared. */
export function hasOpaque(value: Json | undefined): boolean {
  if (value === null || value === undefined || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasOpaque);
  if ('$opaque' in value) return true;
  return Object.values(value).some(hasOpaque);
}

function show(value: unknown): string {
  if (value instanceof Uint8Array)
    return `b${JSON.stringify(Buffer.from(value).toString('latin1'))}`;
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ??
      String(value)
    );
  } catch {
    return String(value);
  }
}

function toArray(actual: unknown): unknown[] | undefined {
  if (Array.isArray(actual)) return actual;
  if (actual instanceof Uint8Array || typeof actual === 'string') return undefined;
  if (actual !== null && typeof actual === 'object' && Symbol.iterator in actual) {
    return [...(actual as Iterable<unknown>)];
  }
  return undefined;
}

function entriesOf(actual: unknown): [unknown, unknown][] | undefined {
  if (actual instanceof Map) return [...(actual as Map<unknown, unknown>).entries()];
  if (actual instanceof PyDict) return actual.entries;
  if (actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    return Object.entries(actual);
  }
  return undefined;
}

/** Binds `$ref`s that appear in `expected` to the matching parts of `actual`. */
export type BindRef = (n: number, type: string | undefined, actual: unknown) => string | null;

/**
 * Compares Django's recorded answer with reins' value: `null` when they agree, else what differs.
 * `$ref` values are bound through `bind` (the first time) or compared by identity.
 */
export function compare(expected: Json, actual: unknown, bind: BindRef, path = ''): string | null {
  const differ = (): string =>
    `${path || 'value'}: Django ${show(expected)}, reins ${show(actual)}`;
  if (expected === null) return actual === null || actual === undefined ? null : differ();
  if (typeof expected === 'number') {
    if (typeof actual === 'bigint') return BigInt(expected) === actual ? null : differ();
    return actual === expected ? null : differ();
  }
  if (typeof expected !== 'object') return actual === expected ? null : differ();
  if (Array.isArray(expected)) {
    const items = toArray(actual);
    if (items === undefined || items.length !== expected.length) return differ();
    for (let i = 0; i < items.length; i++) {
      const d = compare(expected[i] ?? null, items[i], bind, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if ('$ref' in expected) {
    const type = typeof expected.$type === 'string' ? expected.$type : undefined;
    const d = bind(expected.$ref as number, type, actual);
    return d === null ? null : `${path || 'value'}: ${d}`;
  }
  if ('$bytes' in expected) {
    if (!(actual instanceof Uint8Array)) return differ();
    return Buffer.from(actual).toString('latin1') === expected.$bytes ? null : differ();
  }
  if ('$iter' in expected) return compare(expected.$iter ?? null, actual, bind, path);
  if ('$set' in expected) {
    const items = actual instanceof Set ? [...(actual as Set<unknown>)] : toArray(actual);
    const want = expected.$set as Json[];
    if (items === undefined || items.length !== want.length) return differ();
    const unmatched = [...items];
    for (const w of want) {
      const i = unmatched.findIndex((a) => compare(w, a, bind) === null);
      if (i < 0) return differ();
      unmatched.splice(i, 1);
    }
    return null;
  }
  if ('$dict' in expected) {
    const entries = entriesOf(actual);
    const want = expected.$dict as [Json, Json][];
    if (entries === undefined || entries.length !== want.length) return differ();
    // Python dicts compare without regard to order.
    for (const [k, v] of want) {
      const found = entries.find(([ak]) => compare(k, ak, bind) === null);
      if (found === undefined) return differ();
      const d = compare(v, found[1], bind, `${path}[${show(k)}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if ('$datetime' in expected) {
    if (actual instanceof PyDateTime) return actual.iso === expected.$datetime ? null : differ();
    if (actual instanceof Date) {
      const iso = actual.toISOString().replace('.000Z', '').replace('Z', '');
      return String(expected.$datetime).startsWith(iso) ? null : differ();
    }
    return differ();
  }
  // Safe text is compared as text (whether reins marks it safe is not what the tests check).
  if ('$safe' in expected) return String(actual) === expected.$safe ? null : differ();
  // JavaScript has no UUID type: reins' uuid converter gives the string.
  if ('$uuid' in expected) return actual === expected.$uuid ? null : differ();
  if ('$callable' in expected) {
    // A view: reins' stand-in function is named after Django's module.qualname.
    return typeof actual === 'function' && actual.name === expected.$callable ? null : differ();
  }
  if ('$int' in expected) return String(actual) === expected.$int ? null : differ();
  if ('$float' in expected)
    return String(actual) === String(decode(expected, new Map())) ? null : differ();
  if ('$lazy' in expected) return compare(expected.$lazy ?? null, actual, bind, path);
  // Something Django built (a URLPattern from path()): only that reins built something too.
  if ('$made' in expected) return actual !== null && typeof actual === 'object' ? null : differ();
  // A file-like object (a request's wsgi.input) is not compared.
  if ('$opaque' in expected || '$stream' in expected || '$file' in expected) return null;
  return differ();
}
