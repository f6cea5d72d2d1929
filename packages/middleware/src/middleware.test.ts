import { ReinsError } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { MiddlewareNotUsed } from './middleware.js';

describe('MiddlewareNotUsed', () => {
  it('is a branded ReinsError with a stable code', () => {
    const error = new MiddlewareNotUsed('off in production');
    expect(error).toBeInstanceOf(ReinsError);
    expect(error.code).toBe('middleware.not_used');
    expect(error.name).toBe('MiddlewareNotUsed');
    expect(error.message).toBe('off in production');
    expect(MiddlewareNotUsed.isInstance(error)).toBe(true);
    expect(MiddlewareNotUsed.isInstance(new Error('x'))).toBe(false);
  });

  it('is recognised across package copies by its symbol', () => {
    const foreign = Object.create({ [Symbol.for('reins.MiddlewareNotUsed')]: true }) as object;
    expect(MiddlewareNotUsed.isInstance(foreign)).toBe(true);
  });
});
