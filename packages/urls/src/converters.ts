/**
 * Path converters: the built-in `int`, `str`, `slug`, `uuid` and `path`, and `registerConverter()`
 * for your own. A converter is `{ regex, toJs, toUrl }`: `regex` (Python `re` syntax, as in Django)
 * says what a placeholder matches, `toJs` turns the matched text into the value the view receives
 * (throwing means "this pattern does not match, try the next"), and `toUrl` turns a value back into
 * URL text for `reverse()` (throwing means "this candidate cannot be used", except that a
 * `TypeError` or `ReferenceError` propagates, as Django lets a `TypeError` out of `to_url`).
 *
 * @module
 */
import { improperlyConfigured } from './internal/improperly-configured.js';

/**
 * A path converter, as Django's: `regex` is Python `re` syntax (usually also valid JavaScript).
 *
 * @example
 * const yyyy: Converter<number> = {
 *   regex: '[0-9]{4}',
 *   toJs: (value) => Number(value),
 *   toUrl: (value) => String(value).padStart(4, '0'),
 * };
 */
export interface Converter<T = unknown> {
  /** What the placeholder matches, in Python `re` syntax (no anchors). */
  readonly regex: string;
  /** Turn the matched text into the view's value; throw to make the pattern not match. */
  toJs(value: string): T;
  /** Turn a value into URL text for `reverse()`; throw (not a `TypeError`) to reject the value. */
  toUrl(value: T): string;
}

/**
 * The JavaScript type each converter name produces, used to type route parameters. Register a
 * custom converter's type by augmenting this interface.
 *
 * @example
 * declare module '@reins/urls' {
 *   interface ConverterTypes { yyyy: number }
 * }
 */
export interface ConverterTypes {
  int: number;
  str: string;
  slug: string;
  uuid: string;
  path: string;
}

function identity(value: string): string {
  return value;
}

function stringify(value: unknown): string {
  return String(value);
}

/**
 * Django's `int` converter: `[0-9]+` to a number. Digit strings too large to be a safe JavaScript
 * integer do not match (Django would give an arbitrary-precision int).
 */
const intConverter: Converter<number> = {
  regex: '[0-9]+',
  toJs(value) {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`${value} is not a safe integer`);
    return n;
  },
  toUrl: stringify,
};

const strConverter: Converter<string> = { regex: '[^/]+', toJs: identity, toUrl: stringify };
const slugConverter: Converter<string> = {
  regex: '[-a-zA-Z0-9_]+',
  toJs: identity,
  toUrl: stringify,
};
const uuidConverter: Converter<string> = {
  regex: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  toJs: identity,
  toUrl: stringify,
};
const pathConverter: Converter<string> = { regex: '.+', toJs: identity, toUrl: stringify };

/** The built-in converters by name, frozen. */
export const builtinConverters: Readonly<
  Record<'int' | 'str' | 'slug' | 'uuid' | 'path', Converter<never>>
> = Object.freeze({
  int: intConverter as Converter<never>,
  str: strConverter as Converter<never>,
  slug: slugConverter as Converter<never>,
  uuid: uuidConverter as Converter<never>,
  path: pathConverter as Converter<never>,
});

/**
 * A set of path converters by name, starting with the built-ins. A urlconf can carry its own
 * (`path(route, view, { converters })` with a registry), so two urlconfs in one process may give
 * one name two meanings; {@link defaultConverters} is the process-wide default `registerConverter()`
 * fills, for code that declares converters the Django way.
 *
 * @example
 * const converters = new ConverterRegistry().register('yyyy', { regex: '[0-9]{4}', toJs: Number, toUrl: String });
 * path('articles/<yyyy:year>/', yearArchive, { converters });
 */
export class ConverterRegistry {
  /** The converters by name, as `path()` looks them up (kept current by `register()`). */
  readonly converters: Record<string, Converter<never>> = Object.assign(
    Object.create(null) as Record<string, Converter<never>>,
    builtinConverters,
  );

  /**
   * Add `converter` under `name`. Registering a different converter under a name already taken
   * throws; Django 3.2 silently replaced it, which changes routes declared earlier in other modules.
   *
   * @throws {ImproperlyConfigured} when the converter is malformed or the name is taken.
   * @example
   * registry.register('yyyy', { regex: '[0-9]{4}', toJs: Number, toUrl: String });
   */
  register<T>(name: string, converter: Converter<T>): this {
    if (
      typeof converter !== 'object' ||
      converter === null ||
      typeof converter.regex !== 'string' ||
      typeof converter.toJs !== 'function' ||
      typeof converter.toUrl !== 'function'
    ) {
      throw improperlyConfigured(
        `Converter '${name}' must be an object with a string 'regex' and 'toJs' and 'toUrl' functions.`,
      );
    }
    const existing = this.converters[name];
    if (existing !== undefined && existing !== (converter as Converter<never>)) {
      throw improperlyConfigured(
        `Converter '${name}' is already registered. Choose another name; replacing a converter would change routes already declared with it.`,
      );
    }
    this.converters[name] = converter as Converter<never>;
    return this;
  }

  /**
   * The converter registered under `name`, if any.
   *
   * @example
   * new ConverterRegistry().get('int')?.toJs('42'); // 42
   */
  get(name: string): Converter<never> | undefined {
    return this.converters[name];
  }
}

/**
 * The process-wide default converters: what `registerConverter()` adds to and what every `path()`
 * falls back to when its own converters do not name a placeholder's converter. Prefer a
 * {@link ConverterRegistry} per urlconf in code shared between applications.
 *
 * @example
 * defaultConverters.get('slug'); // the built-in slug converter
 */
export const defaultConverters: ConverterRegistry = new ConverterRegistry();

/**
 * Register a converter under `name` in {@link defaultConverters}, for every `path()` declared
 * afterwards (as Django's `register_converter`). Registering a different converter under a name
 * already taken throws; Django 3.2 silently replaced it, which changes routes declared earlier.
 *
 * @throws {ImproperlyConfigured} when the name is taken by another converter.
 * @example
 * registerConverter('yyyy', { regex: '[0-9]{4}', toJs: Number, toUrl: (v: number) => String(v).padStart(4, '0') });
 * path('articles/<yyyy:year>/', yearArchive);
 */
export function registerConverter<T>(name: string, converter: Converter<T>): void {
  defaultConverters.register(name, converter);
}

/** Look up a converter of the default registry by name (internal use by `path()`). */
export function getConverter(name: string): Converter<never> | undefined {
  return defaultConverters.get(name);
}
