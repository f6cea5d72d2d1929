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

/** Globals defined as lazy getters that are read up front (cheap: already loaded by Node). */
const EAGER_GLOBAL_GETTERS = ['process', 'Buffer'] as const;

const HIDDEN_FUNCTION_KEYS: ReadonlySet<string> = new Set(['prototype', 'caller', 'arguments']);

// Unbound on purpose: taken before any template code runs, always called as fnToString.call(fn).
// eslint-disable-next-line @typescript-eslint/unbound-method
const fnToString = Function.prototype.toString;
const NATIVE_CODE_RE = /\{\s*\[native code\]\s*\}$/;

let builtins: WeakSet<object> | undefined;
/** Verdicts for prototypes (objects holding their constructor's `prototype` slot). */
const prototypeVerdicts = new WeakMap<object, boolean>();

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

/** The values of an object's own data properties (getters are not run). */
function ownDataValues(namespace: object): unknown[] {
  const values: unknown[] = [];
  for (const name of Object.getOwnPropertyNames(namespace)) {
    const descriptor = Object.getOwnPropertyDescriptor(namespace, name)!;
    if ('value' in descriptor) values.push(descriptor.value);
  }
  return values;
}

/**
 * The built-ins known without loading anything: JavaScript's globals, `process`, `Buffer`, and
 * the intrinsics no global names (iterator, generator and async function prototypes). Node's
 * lazily loaded globals and module classes are recognised per prototype (`isBuiltinPrototype`).
 */
function collectBuiltins(): WeakSet<object> {
  const set = new WeakSet<object>();
  const globals = [
    ...ownDataValues(globalThis),
    ...EAGER_GLOBAL_GETTERS.map((name) => (globalThis as Record<string, unknown>)[name]),
  ];
  for (const value of globals) {
    if (typeof value === 'function') addValue(set, value);
    else if (typeof value === 'object' && value !== null) {
      // A namespace (`Math`, `Intl`, `process`, `console`…) and its constructors, but not the
      // chain of an arbitrary global object: an app may keep its own class's instance there.
      set.add(value);
      for (const member of ownDataValues(value))
        if (typeof member === 'function') addValue(set, member);
    }
  }
  set.add(globalThis);
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
    const prototype = Object.getPrototypeOf(value) as object;
    addChain(set, prototype);
    addValue(set, (prototype as { constructor?: unknown }).constructor);
  }
  return set;
}

/**
 * Whether a prototype (whose own `constructor` is `ctor`) is a built-in's: `ctor` is native code,
 * or the global or a Node module export of its name is `ctor` itself. An instance of a lazily
 * loaded class means its module is loaded already, so reading the export costs nothing then.
 */
function isBuiltinPrototype(ctor: (...args: unknown[]) => unknown): boolean {
  if (NATIVE_CODE_RE.test(fnToString.call(ctor))) return true;
  const name = Object.getOwnPropertyDescriptor(ctor, 'name')?.value as unknown;
  if (typeof name !== 'string' || name === '') return false;
  if (Object.hasOwn(globalThis, name) && (globalThis as Record<string, unknown>)[name] === ctor)
    return true;
  return NODE_MODULES.some((id) => {
    const exported = process.getBuiltinModule(id) as Record<string, unknown>;
    return Object.hasOwn(exported, name) && exported[name] === ctor;
  });
}

/** Whether `o` is a built-in object (see the module comment). */
function isBuiltinObject(o: object): boolean {
  if ((builtins ??= collectBuiltins()).has(o)) return true;
  if (!Object.hasOwn(o, 'constructor')) return false;
  let verdict = prototypeVerdicts.get(o);
  if (verdict === undefined) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value as unknown;
    verdict =
      typeof ctor === 'function' &&
      (ctor as { prototype?: unknown }).prototype === o &&
      isBuiltinPrototype(ctor as (...args: unknown[]) => unknown);
    prototypeVerdicts.set(o, verdict);
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
