/**
 * The template sandbox, the one rule every lookup obeys (compiled sync and async code, and the
 * filters that look things up, such as `dictsort`): a lookup reads a value's own properties and
 * the members its own (non-built-in) classes declare, and never anything a built-in declares —
 * no member of a JavaScript or Node prototype (`Object`, `Function`, `Date`, `Set`, typed arrays,
 * `Buffer`, `URLSearchParams`, `EventEmitter`, streams, sockets…), nothing at all on a built-in
 * object itself (`process`, `Math`, a constructor or prototype), no `constructor` except as a
 * plain object's own key, and no function's `prototype`, `caller` or `arguments`.
 *
 * Why a deny-list of built-ins rather than an allow-list of classes: Django calls any method it
 * finds (unless `alters_data`), and user classes' getters and methods must keep working; what a
 * template author must never reach is the platform's own surface (zero-argument mutators such
 * as `set.clear`, `date.setTime`, `buffer.fill`, `params.sort`, `socket.end`, and `constructor`,
 * the way to classes and their statics).
 *
 * @module
 */

/** Node modules whose classes count as built-in (besides everything reachable from globals). */
const NODE_MODULES = ['node:events', 'node:stream', 'node:net', 'node:http', 'node:fs'] as const;

const HIDDEN_FUNCTION_KEYS: ReadonlySet<string> = new Set(['prototype', 'caller', 'arguments']);

const fnToString = Function.prototype.toString;
const NATIVE_CODE_RE = /\{\s*\[native code\]\s*\}$/;

let builtins: WeakSet<object> | undefined;
/** Verdicts for objects holding an own `constructor` (prototypes), by the native-code test. */
const nativePrototypes = new WeakMap<object, boolean>();

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function addChain(set: WeakSet<object>, value: unknown): void {
  for (let p: unknown = value; isObjectLike(p) && !set.has(p); p = Object.getPrototypeOf(p))
    set.add(p);
}

/** A built-in value, its prototype chain, and a constructor's `prototype` and its chain. */
function addValue(set: WeakSet<object>, value: unknown): void {
  if (!isObjectLike(value)) return;
  addChain(set, value);
  if (typeof value === 'function') {
    const prototype = Object.getOwnPropertyDescriptor(value, 'prototype')?.value as unknown;
    addChain(set, prototype);
  }
}

/** The values of an object's own properties; getters are read only when `readGetters`. */
function ownValues(namespace: object, readGetters: boolean): unknown[] {
  const values: unknown[] = [];
  for (const name of Object.getOwnPropertyNames(namespace)) {
    const descriptor = Object.getOwnPropertyDescriptor(namespace, name)!;
    if ('value' in descriptor) values.push(descriptor.value);
    else if (readGetters) {
      try {
        // Node defines many globals (`Buffer`, `process`, `URL`…) as lazy getters.
        values.push((namespace as Record<string, unknown>)[name]);
      } catch {
        // A global that cannot be read cannot be in a context either.
      }
    }
  }
  return values;
}

/** Every built-in object a context value could inherit from, collected on first use. */
function collectBuiltins(): WeakSet<object> {
  const set = new WeakSet<object>();
  for (const value of ownValues(globalThis, true)) {
    if (typeof value === 'function') addValue(set, value);
    else if (typeof value === 'object' && value !== null) {
      // A namespace (`Math`, `Intl`, `process`, `console`…) and its constructors, but not the
      // chain of a global object: an app may store its own class's instance in a global.
      set.add(value);
      for (const member of ownValues(value, false))
        if (typeof member === 'function') addValue(set, member);
    }
  }
  set.add(globalThis);
  for (const id of NODE_MODULES) {
    const exported = process.getBuiltinModule(id) as object;
    addValue(set, exported);
    for (const member of ownValues(exported, false)) addValue(set, member);
  }
  // Intrinsics no global names: iterator, generator and async function prototypes.
  const generator = function* () {};
  const asyncGenerator = async function* () {};
  for (const value of [
    [][Symbol.iterator](),
    new Map().entries(),
    new Set().values(),
    ''[Symbol.iterator](),
    /a/[Symbol.matchAll](''),
    generator,
    generator(),
    asyncGenerator,
    asyncGenerator(),
    async () => {},
  ]) {
    addChain(set, Object.getPrototypeOf(value));
    addValue(set, (Object.getPrototypeOf(value) as { constructor?: unknown }).constructor);
  }
  return set;
}

/**
 * Whether `o` is a built-in object: collected from globals and Node's modules, or a prototype whose
 * own `constructor` is native code (V8's and Node's C++ classes).
 */
export function isBuiltinObject(o: object): boolean {
  if ((builtins ??= collectBuiltins()).has(o)) return true;
  if (!Object.hasOwn(o, 'constructor')) return false;
  let verdict = nativePrototypes.get(o);
  if (verdict === undefined) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value as unknown;
    verdict =
      typeof ctor === 'function' &&
      (ctor as { prototype?: unknown }).prototype === o &&
      NATIVE_CODE_RE.test(fnToString.call(ctor));
    nativePrototypes.set(o, verdict);
  }
  return verdict;
}

function isPlainRecord(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a template lookup may read `o[key]` (the sandbox rule above). Maps, arrays and strings
 * are handled before this by the lookup (entries; own indexes and `length`).
 *
 * @example
 * canReadMember(new Set(), 'clear'); // false: a built-in's member
 * canReadMember(new (class { get name() { return 'x'; } })(), 'name'); // true
 */
export function canReadMember(o: object, key: string): boolean {
  if (isBuiltinObject(o)) return false;
  if (Object.hasOwn(o, key)) {
    if (typeof o === 'function') return !HIDDEN_FUNCTION_KEYS.has(key);
    return key !== 'constructor' || isPlainRecord(o);
  }
  if (key === 'constructor') return false;
  for (
    let p = Object.getPrototypeOf(o) as object | null;
    p !== null && !isBuiltinObject(p);
    p = Object.getPrototypeOf(p) as object | null
  ) {
    if (Object.hasOwn(p, key)) return true;
  }
  return false;
}
