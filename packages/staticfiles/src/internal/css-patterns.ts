/**
 * The references Django's `HashedFilesMixin` rewrites, with its exact regular expressions (3.2)
 * and, beyond 3.2, the `sourceMappingURL` comments Django 4.1 added for CSS and JavaScript.
 */

/** One rewrite rule: the files it applies to, the pattern (groups: whole match, url) and template. */
export interface HashPattern {
  readonly applies: (name: string) => boolean;
  readonly pattern: RegExp;
  readonly template: string;
}

const css = (name: string): boolean => name.endsWith('.css');
const js = (name: string): boolean => name.endsWith('.js');

/** Django's `patterns`, in order. `%s` in the template is the rewritten URL. */
export const HASH_PATTERNS: readonly HashPattern[] = [
  { applies: css, pattern: /(url\(['"]{0,1}\s*(.*?)["']{0,1}\))/gi, template: 'url("%s")' },
  { applies: css, pattern: /(@import\s*["']\s*(.*?)["'])/gi, template: '@import url("%s")' },
  // Django 4.1's: a source map comment on a line of its own, the keyword case-sensitive.
  {
    applies: css,
    pattern: /^(\/\*#[ \t]sourceMappingURL=(.*?)[ \t]*\*\/)$/gm,
    template: '/*# sourceMappingURL=%s */',
  },
  {
    applies: js,
    pattern: /^(\/\/# sourceMappingURL=(.*))$/gm,
    template: '//# sourceMappingURL=%s',
  },
];

/**
 * Whether `name` is rewritten (Django's `adjustable_paths`): CSS always, as in 3.2; JavaScript
 * only when it names a source map, so a script without one is hashed and counted exactly as
 * Django 3.2 does.
 */
export function isAdjustable(name: string, source: () => Buffer): boolean {
  if (css(name)) return true;
  return js(name) && source().includes('//# sourceMappingURL=');
}
