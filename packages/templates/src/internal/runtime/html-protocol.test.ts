import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine.js';

class Link {
  constructor(readonly href: string) {}
  toString(): string {
    return this.href;
  }
  __html__(): string {
    return `<a href="${this.href}">${this.href}</a>`;
  }
}

describe('the __html__ protocol (Django conditional_escape)', () => {
  it('renders an object through its __html__() under autoescape, unescaped', () => {
    const engine = new Engine();
    expect(engine.fromString('{{ link }}').render({ link: new Link('/a?b&c') })).toBe(
      '<a href="/a?b&c">/a?b&c</a>',
    );
  });

  it('uses str() with autoescape off, as Django does', () => {
    const engine = new Engine();
    expect(
      engine
        .fromString('{% autoescape off %}{{ link }}{% endautoescape %}')
        .render({ link: new Link('/x') }),
    ).toBe('/x');
  });
});
