/**
 * Python's `template % mapping` for `RedirectView.url` (`'/new/%(pk)s/'`): `%(name)s`, `%(name)d`
 * and `%(name)i` take the named value, `%%` is a literal `%`. A missing name is an error, as
 * Python's KeyError is; other conversions are refused with a message saying what is supported.
 */
const SPEC = /%(?:\(([^)]*)\)([sdir])|%)|%/g;

/** Format `template` with `values` the way Python's `%` operator does with a dict. */
export function percentFormat(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(
    SPEC,
    (whole: string, name: string | undefined, conversion: string | undefined) => {
      if (whole === '%%') return '%';
      if (name === undefined || conversion === undefined) {
        throw new TypeError(
          `RedirectView url ${JSON.stringify(template)} has a '%' that is not '%(name)s' or '%%'; write a literal percent sign as '%%'.`,
        );
      }
      if (!Object.hasOwn(values, name)) {
        throw new TypeError(
          `RedirectView url ${JSON.stringify(template)} uses '%(${name})${conversion}', but the URL has no parameter '${name}' ` +
            `(it has: ${Object.keys(values).join(', ') || 'none'}).`,
        );
      }
      const value = values[name];
      if (conversion === 'd' || conversion === 'i') {
        if (typeof value !== 'number' && typeof value !== 'bigint') {
          throw new TypeError(
            `RedirectView url: %(${name})${conversion} needs a number, not ${typeof value}.`,
          );
        }
        return typeof value === 'number' ? String(Math.trunc(value)) : String(value);
      }
      return String(value);
    },
  );
}
