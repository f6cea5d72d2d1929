import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';
import { pyBool } from './python-truth.js';

class Sized {
  constructor(readonly length: number) {}
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.length; i++) yield i;
  }
}

describe('pyBool of sized objects', () => {
  it('reads a numeric length as __len__: empty is false', () => {
    expect(pyBool(new Sized(0))).toBe(false);
    expect(pyBool(new Sized(2))).toBe(true);
    expect(pyBool({ length: 0 })).toBe(true); // a plain dict with a key is true
    expect(pyBool(new Date(0))).toBe(true);
  });

  it('makes {% if %} on an empty sized object false', () => {
    const template = new Engine().fromString(
      '{% if items %}{% for i in items %}{{ i }}{% endfor %}{% else %}none{% endif %}',
    );
    expect(template.render({ items: new Sized(0) })).toBe('none');
    expect(template.render({ items: new Sized(3) })).toBe('012');
  });
});
