import { describe, expect, it } from 'vitest';
import {
  andThen,
  brandClass,
  defineBrand,
  ImproperlyConfigured,
  isThenable,
  ReinsError,
} from './index.js';

class Custom extends ReinsError {
  static override readonly brand: symbol = defineBrand('test.Custom');
  override readonly code: string = 'test.custom';
}
brandClass(Custom);

describe('ReinsError brands', () => {
  it('recognises a subclass by brand, not by prototype', () => {
    const foreign = Object.create(null) as Record<symbol, unknown>;
    foreign[Symbol.for('reins.test.Custom')] = true;
    expect(Custom.isInstance(foreign)).toBe(true);
    expect(Custom.isInstance(new ReinsError('x'))).toBe(false);
    expect(ReinsError.isInstance(new Custom('x'))).toBe(true);
  });

  it('keeps the setting and route of ImproperlyConfigured', () => {
    const error = new ImproperlyConfigured('bad', { setting: 'allowedHosts' });
    expect(ImproperlyConfigured.isInstance(error)).toBe(true);
    expect(error.setting).toBe('allowedHosts');
    expect(error.name).toBe('ImproperlyConfigured');
  });
});

describe('maybe-promise', () => {
  it('chains sync values synchronously and thenables asynchronously', async () => {
    expect(andThen(1, (n) => n + 1)).toBe(2);
    const later = andThen(Promise.resolve(1), (n) => n + 1);
    expect(isThenable(later)).toBe(true);
    await expect(later).resolves.toBe(2);
  });

  it('treats any object or function with a callable then as a thenable, as Promise.resolve does', () => {
    const fnThenable = Object.assign(() => undefined, { then: () => undefined });
    expect(isThenable(fnThenable)).toBe(true);
    expect(isThenable({ then: 1 })).toBe(false);
    expect(isThenable(null)).toBe(false);
    expect(isThenable('then')).toBe(false);
  });
});
