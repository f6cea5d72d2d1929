/**
 * The template sandbox (issue #19, item 5): every input of the issue, rendered with `render()` and
 * with `renderAsync()`. The rule: a lookup reads a value's own properties and the members its own
 * classes declare, never a built-in's members, never `constructor` (except a dict's own key) and
 * never a function's `prototype`; a function is never rendered as its source.
 */
import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const engine = new Engine();

type Render = (source: string, context: Record<string, unknown>) => Promise<string>;
const modes: [string, Render][] = [
  ['render', (source, context) => Promise.resolve(engine.fromString(source).render(context))],
  ['renderAsync', (source, context) => engine.fromString(source).renderAsync(context)],
];

class Account {
  static apiKey = 'sk_live_secret';
  static purged = 0;
  static purge(): string {
    Account.purged++;
    return 'purged';
  }
  readonly owner = 'ann';
  get label(): string {
    return `account of ${this.owner}`;
  }
  balance(): number {
    return 42;
  }
}

describe.each(modes)('the sandbox under %s', (_mode, render) => {
  it('never reaches a class through constructor, its source, statics or static methods', async () => {
    const before = Account.purged;
    const output = await render(
      '[{{ obj.constructor }}][{{ obj.constructor.apiKey }}][{{ obj.constructor.purge }}][{{ obj.constructor.name }}]',
      { obj: new Account() },
    );
    expect(output).toBe('[][][][]');
    expect(Account.purged).toBe(before);
  });

  it('never calls a built-in constructor (date.constructor would call Date())', async () => {
    expect(await render('[{{ date.constructor }}]', { date: new Date(0) })).toBe('[]');
  });

  it('renders a doNotCallInTemplates function by name, never its source', async () => {
    const secret = Object.assign(
      function rotateKeys(): string {
        return 'sk_live_secret';
      },
      { doNotCallInTemplates: true },
    );
    const output = await render('{{ fn }}|{{ fn|upper }}|{{ list }}', {
      fn: secret,
      list: [secret],
    });
    expect(output).toBe(
      '&lt;function rotateKeys&gt;|&lt;FUNCTION ROTATEKEYS&gt;|[&lt;function rotateKeys&gt;]',
    );
    expect(output).not.toContain('sk_live');
  });

  it('never calls a built-in mutator on a context value', async () => {
    const set = new Set([1, 2]);
    const date = new Date(86_400_000);
    const u8 = new Uint8Array([1, 2, 3]);
    const buffer = Buffer.from('abc');
    const params = new URLSearchParams('b=2&a=1');
    const bus = new (class Bus extends EventEmitter {})();
    bus.on('x', () => undefined);
    const socket = new Socket();
    const output = await render(
      '[{{ set.clear }}][{{ date.setTime }}][{{ u8.fill }}][{{ buffer.fill }}][{{ params.sort }}][{{ bus.removeAllListeners }}][{{ socket.end }}][{{ proc.pid }}]',
      { set, date, u8, buffer, params, bus, socket, proc: process },
    );
    expect(output).toBe('[][][][][][][][]');
    expect(socket.writableEnded).toBe(false);
    expect([...set]).toEqual([1, 2]);
    expect(date.getTime()).toBe(86_400_000);
    expect([...u8]).toEqual([1, 2, 3]);
    expect(buffer.toString()).toBe('abc');
    expect(params.toString()).toBe('b=2&a=1');
    expect(bus.listenerCount('x')).toBe(1);
  });

  it("never reaches a function's prototype (and the methods on it)", async () => {
    const before = Account.purged;
    expect(
      await render('[{{ cls.prototype.balance }}][{{ cls.prototype }}]', { cls: Account }),
    ).toBe('[][]');
    expect(Account.purged).toBe(before);
  });

  it('keeps what Django allows: own data, getters, methods, statics of a class in the context', async () => {
    const remove = Object.assign(() => 'deleted', { altersData: true });
    const output = await render(
      '{{ a.owner }}|{{ a.label }}|{{ a.balance }}|{{ cls.apiKey }}|{{ d.constructor }}|{{ d.f }}|{{ d.remove }}|{{ list.1 }}|{{ list.length }}|{{ m.k }}',
      {
        a: new Account(),
        cls: Account,
        d: { constructor: 'own key', f: () => 'called', remove },
        list: ['x', 'y'],
        m: new Map([['k', 'map value']]),
      },
    );
    expect(output).toBe('ann|account of ann|42|sk_live_secret|own key|called||y|2|map value');
  });

  it('applies the same rule in dictsort', async () => {
    class A {
      static rank = 2;
      name = 'a';
    }
    class B {
      static rank = 1;
      name = 'b';
    }
    const items = [new A(), new B()];
    const sets = [new Set([1, 2]), new Set([1])];
    expect(
      await render(
        '[{% for x in items|dictsort:"constructor.rank" %}{{ x.name }}{% endfor %}][{% for x in items|dictsort:"name" %}{{ x.name }}{% endfor %}][{% for x in sets|dictsort:"size" %}{{ x|length }}{% endfor %}]',
        { items, sets },
      ),
    ).toBe('[][ab][]');
  });
});
