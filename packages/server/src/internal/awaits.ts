/**
 * Whether a view, middleware handler or hook awaits, so the handler must carry the request
 * context across its awaits (`requestContext: 'auto'`). Decided before calling it, as Django
 * decides sync or async from `iscoroutinefunction`: once a function has returned its promise, its
 * continuations are already scheduled without the context.
 */
import { ASYNC_MARK } from '../mark-async.js';

const AsyncFunction = (async () => {}).constructor;
const AsyncGeneratorFunction = async function* () {}.constructor;

const classes = new WeakMap<object, boolean>();

function isAsyncFunction(value: unknown): boolean {
  if (typeof value !== 'function') return false;
  const constructor = (value as { constructor?: unknown }).constructor;
  return constructor === AsyncFunction || constructor === AsyncGeneratorFunction;
}

/** A class-based view awaits when any method on its prototype chain is `async`. */
function classAwaits(viewClass: { prototype?: object }): boolean {
  let known = classes.get(viewClass);
  if (known === undefined) {
    known = false;
    let proto: object | null = viewClass.prototype ?? null;
    for (
      ;
      proto !== null && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const key of Reflect.ownKeys(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (descriptor !== undefined && isAsyncFunction(descriptor.value)) known = true;
      }
    }
    classes.set(viewClass, known);
  }
  return known;
}

/** Whether calling `fn` starts work that awaits (and so needs the request across awaits). */
export function awaits(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  const mark = (fn as { [ASYNC_MARK]?: unknown })[ASYNC_MARK];
  if (mark !== undefined) return mark === true;
  if (isAsyncFunction(fn)) return true;
  const viewClass = (fn as { viewClass?: { prototype?: object } }).viewClass;
  return viewClass !== undefined && classAwaits(viewClass);
}
