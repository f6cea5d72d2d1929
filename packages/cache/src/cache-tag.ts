/**
 * Django's `{% load cache %}` library: `{% cache timeout name [vary_on …] [using="alias"] %}…
 * {% endcache %}` on the templates package's public tag API. The fragment is stored under
 * Django's key (`template.cache.<name>.<md5 of the vary-on values>`) in the `using` cache, else
 * the `template_fragments` cache when configured, else `default`. Under `renderAsync()` any
 * backend works; under a synchronous `render()` a local-memory cache answers at once, and another
 * backend's promise makes the engine render again asynchronously (what `TemplateResponse` does).
 *
 * @module
 */
import { isSafe, Library, TemplateSyntaxError, type TagExpression } from '@reins/templates';
import type { BaseCache } from './base-cache.js';
import { caches } from './caches.js';
import { InvalidCacheBackendError } from './errors.js';
import { makeTemplateFragmentKey } from './make-template-fragment-key.js';
import { hasSync } from './internal/sync-cache.js';

/** Python's `repr()` of a value a template gave, for error messages. */
function pyRepr(value: unknown): string {
  if (isSafe(value)) value = String(value);
  if (typeof value === 'string')
    return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  // Python's repr() of anything else: a number's digits, an object's own toString.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** Python's `int()` of the timeout, or null when it has none. */
function timeoutOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) {
    // Python's int() reads the object's str(): here its own toString.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const text = String(value);
    if (/^\s*[+-]?\d+\s*$/.test(text)) return Number.parseInt(text, 10);
  }
  throw new TemplateSyntaxError(`"cache" tag got a non-integer timeout value: ${pyRepr(value)}`);
}

function fragmentCache(name: unknown): BaseCache {
  if (name !== undefined) {
    try {
      // The alias as Python's str() gives it: an object's own toString.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      return caches.get(String(name));
    } catch (error) {
      if (InvalidCacheBackendError.isInstance(error)) {
        throw new TemplateSyntaxError(
          `Invalid cache name specified for cache tag: ${pyRepr(name)}`,
        );
      }
      throw error;
    }
  }
  return caches.aliases().includes('template_fragments')
    ? caches.get('template_fragments')
    : caches.get();
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * The `cache` template library: give it to the engine as `libraries: { cache: cacheLibrary }`.
 *
 * @example
 * templates: [{ backend: 'reins', dirs: ['templates'], options: { libraries: { cache: cacheLibrary } } }]
 */
export const cacheLibrary: Library = new Library().tag('cache', (parser, token) => {
  const body = parser.parse(['endcache']);
  parser.nextToken();
  let bits = token.splitContents();
  if (bits.length < 3)
    throw parser.error(`'${pyRepr(bits[0])}' tag requires at least 2 arguments.`);
  let cacheName: TagExpression | null = null;
  if (bits.length > 3 && bits[bits.length - 1]!.startsWith('using=')) {
    cacheName = parser.compileFilter(bits[bits.length - 1]!.slice('using='.length));
    bits = bits.slice(0, -1);
  }
  const expireTime = parser.compileFilter(bits[1]!);
  // Django: the fragment name cannot be a variable.
  const fragmentName = bits[2]!;
  const varyOn = bits.slice(3).map((bit) => parser.compileFilter(bit));
  return {
    render(context) {
      const resolved = [expireTime, ...(cacheName ? [cacheName] : []), ...varyOn].map((e) =>
        context.resolve(e),
      );
      const finish = (values: unknown[]): unknown => {
        const timeout = timeoutOf(values[0]);
        const cache = fragmentCache(cacheName ? values[1] : undefined);
        const key = makeTemplateFragmentKey(fragmentName, values.slice(cacheName ? 2 : 1));
        if (!context.isAsync) {
          // A backend that must wait: answer the sync render with a promise, the documented
          // signal for the engine to ask for renderAsync() (TemplateResponse then renders again
          // asynchronously). Nothing is sent to the backend for the discarded attempt.
          if (!hasSync(cache)) return Promise.resolve('');
          const cached = cache.getSync(key);
          if (cached !== null) return cached;
          const text = context.renderNodes(body) as string;
          cache.setSync(key, text, timeout);
          return text;
        }
        return cache.get<string>(key).then((cached) => {
          if (cached !== null) return cached;
          const rendered = context.renderNodes(body);
          const store = async (text: string) => {
            await cache.set(key, text, timeout);
            return text;
          };
          return isThenable(rendered) ? Promise.resolve(rendered).then(store) : store(rendered);
        });
      };
      return resolved.some(isThenable) ? Promise.all(resolved).then(finish) : finish(resolved);
    },
  };
});
