import { describe, expect, it } from 'vitest';
import { NOT_SETTLED, settled, settledValue } from './settled.js';

describe('settled', () => {
  it('is a promise of its value that settledValue reads back at once', async () => {
    const response = { status: 200 };
    const promise = settled(response);
    expect(promise).toBeInstanceOf(Promise);
    expect(settledValue(promise)).toBe(response);
    await expect(promise).resolves.toBe(response);
  });

  it('reads back undefined and null as values', async () => {
    expect(settledValue(settled(undefined))).toBeUndefined();
    expect(settledValue(settled(null))).toBeNull();
    await expect(settled(undefined)).resolves.toBeUndefined();
  });

  it('answers NOT_SETTLED for any other promise or thenable', () => {
    expect(settledValue(Promise.resolve(1))).toBe(NOT_SETTLED);
    const thenable: PromiseLike<number> = Promise.resolve(1).then((n) => n);
    expect(settledValue(thenable)).toBe(NOT_SETTLED);
    expect(
      settledValue({
        then: (resolve?: (n: number) => unknown) => resolve?.(1),
      } as PromiseLike<number>),
    ).toBe(NOT_SETTLED);
  });

  it('adopts a thenable like Promise.resolve, and is then an ordinary promise', async () => {
    const promise = settled(Promise.resolve('later'));
    expect(settledValue(promise)).toBe(NOT_SETTLED);
    await expect(promise).resolves.toBe('later');
  });
});
