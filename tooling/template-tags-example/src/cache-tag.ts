/**
 * `{% cache timeout name [vary_on …] %}…{% endcache %}`: Django's fragment caching. Evaluates its
 * arguments, looks the fragment up in a cache that may be async, and renders the body only on a
 * miss.
 *
 * @module
 */
import type { Library, TagExpression } from '@reins/templates';
import { maybeAll, maybeThen } from './maybe-then.js';

/** A cache whose methods may answer with promises. */
export interface FragmentCache {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, value: string, timeout: number): void | Promise<void>;
}

/** Register `{% cache %}` on `library`, storing fragments in `cache`. */
export function registerCacheTag(library: Library, cache: FragmentCache): Library {
  return library.tag('cache', (parser, token) => {
    const bits = token.splitContents();
    if (bits.length < 3) throw parser.error(`'${bits[0]!}' tag requires at least 2 arguments.`);
    const timeout = parser.compileFilter(bits[1]!);
    const fragmentName = bits[2]!;
    const varyOn: TagExpression[] = bits.slice(3).map((bit) => parser.compileFilter(bit));
    const body = parser.parse(['endcache']);
    parser.nextToken();
    return {
      render(context) {
        const values = maybeAll([
          context.resolve(timeout),
          ...varyOn.map((v) => context.resolve(v)),
        ]);
        return maybeThen(values, ([seconds, ...vary]) => {
          const key = `template.cache.${fragmentName}.${vary.map((v) => String(v)).join(':')}`;
          return maybeThen(cache.get(key), (cached) => {
            if (cached !== undefined) return cached;
            return maybeThen(context.renderNodes(body), (text) =>
              maybeThen(cache.set(key, text, Number(seconds)), () => text),
            );
          });
        });
      },
    };
  });
}
