import { describe, expect, it } from 'vitest';
import { ConverterRegistry, defaultConverters, registerConverter } from './converters.js';
import type { Converter } from './converters.js';
import { ImproperlyConfigured } from './errors.js';
import { path } from './path.js';
import { createResolver } from './url-resolver.js';

const year: Converter<number> = {
  regex: '[0-9]{4}',
  toJs: Number,
  toUrl: (value) => String(value).padStart(4, '0'),
};
const word: Converter<string> = {
  regex: '[a-z]+',
  toJs: (value) => value.toUpperCase(),
  toUrl: String,
};

describe('ConverterRegistry: a urlconf carries its own converters', () => {
  it('gives one converter name two meanings in two urlconfs of one process', () => {
    const first = new ConverterRegistry().register('unit', year);
    const second = new ConverterRegistry().register('unit', word);
    const view = (): null => null;
    const a = createResolver([path('a/<unit:value>/', view, { name: 'a', converters: first })]);
    const b = createResolver([path('b/<unit:value>/', view, { name: 'b', converters: second })]);
    expect(a.resolve('/a/2024/').kwargs).toEqual({ value: 2024 });
    expect(() => a.resolve('/a/abc/')).toThrow();
    expect(b.resolve('/b/abc/').kwargs).toEqual({ value: 'ABC' });
    expect(a.reverse('a', { kwargs: { value: 7 } })).toBe('/a/0007/');
    // Neither leaked into the process-wide default.
    expect(defaultConverters.get('unit')).toBeUndefined();
    // @ts-expect-error the type of path() refuses an unknown converter too
    expect(() => path('c/<unit:value>/', view)).toThrow(/invalid converter 'unit'/);
  });

  it('starts from the built-ins and refuses to redefine a name, as registerConverter does', () => {
    const registry = new ConverterRegistry();
    expect(registry.get('int')?.toJs('42')).toBe(42);
    expect(() => registry.register('int', year)).toThrow(ImproperlyConfigured);
    expect(() => registry.register('bad', { regex: 1 } as never)).toThrow(
      /must be an object with a string 'regex'/,
    );
    expect(registry.register('yyyy', year).register('yyyy', year).get('yyyy')).toBe(year);
  });

  it('registerConverter() fills the documented process-wide default', () => {
    const shout: Converter<string> = {
      regex: '[a-z]+',
      toJs: (value) => `${value}!`,
      toUrl: String,
    };
    registerConverter('shout-for-default-test', shout);
    expect(defaultConverters.get('shout-for-default-test')).toBe(shout);
  });
});
