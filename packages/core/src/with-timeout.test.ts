import { describe, expect, it } from 'vitest';
import { withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it('settles with the value when the promise comes first', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, () => new Error('late'))).resolves.toBe(7);
  });

  it('passes the rejection of the promise on', async () => {
    await expect(
      withTimeout(Promise.reject(new TypeError('refused')), 1000, () => new Error('late')),
    ).rejects.toThrow(TypeError);
  });

  it('rejects with the given error when the time passes first', async () => {
    const never = new Promise<number>(() => {});
    await expect(withTimeout(never, 10, () => new Error('no answer within 10 ms'))).rejects.toThrow(
      'no answer within 10 ms',
    );
  });
});
