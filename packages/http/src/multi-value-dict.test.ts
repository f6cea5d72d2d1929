import { describe, expect, it } from 'vitest';
import { MultiValueDict } from './multi-value-dict.js';

describe('MultiValueDict', () => {
  it('reads the last value, lists all, and mutates like Django', () => {
    const dict = new MultiValueDict({ a: ['1', '2'], b: [] as string[] });
    expect(dict.get('a')).toBe('2');
    expect(dict.get('b', 'default')).toBe('default');
    expect([...dict.items()]).toEqual([['a', '2']]);
    expect([...dict.values()]).toEqual(['2']);
    dict.appendList('a', '3');
    expect(dict.setDefault('c', 'x')).toBe('x');
    expect(dict.setListDefault('d', ['y'])).toEqual(['y']);
    expect(dict.pop('b')).toEqual([]);
    expect(dict.pop('missing', ['z'])).toEqual(['z']);
    expect(dict.popItem()).toEqual(['d', ['y']]);
    expect(dict.size).toBe(2);
    expect(dict.copy().equals(dict)).toBe(true);
    dict.clear();
    expect(dict.size).toBe(0);
    expect(dict.popItem()).toBeUndefined();
  });
});
