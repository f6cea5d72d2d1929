import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEANSED_SUBSTITUTE, cleanseSetting, HIDDEN_SETTINGS } from './cleanse.js';

describe('cleanseSetting', () => {
  it.each([
    'secretKey',
    'SECRET_KEY',
    'apiToken',
    'dbPassword',
    'PASSWORD_HASHERS',
    'signatureSalt',
    'HTTP_COOKIE',
    'stripeApi',
  ])('masks %s', (key) => {
    expect(cleanseSetting(key, 'hunter2')).toBe(CLEANSED_SUBSTITUTE);
  });

  it.each(['debug', 'allowedHosts', 'rootUrlconfName', 'middleware'])('shows %s', (key) => {
    expect(cleanseSetting(key, 'visible')).toBe('visible');
  });

  it('masks nested keys at any depth, in objects, arrays and maps', () => {
    const value = {
      databases: [{ name: 'db', password: 'x', options: { authToken: 'y', port: 5432 } }],
      services: new Map([['mailPass', 'z']]),
    };
    expect(cleanseSetting('extra', value)).toEqual({
      databases: [
        {
          name: 'db',
          password: CLEANSED_SUBSTITUTE,
          options: { authToken: CLEANSED_SUBSTITUTE, port: 5432 },
        },
      ],
      services: new Map([['mailPass', CLEANSED_SUBSTITUTE]]),
    });
  });

  it('survives circular structures', () => {
    const value: Record<string, unknown> = { a: 1 };
    value['self'] = value;
    expect(cleanseSetting('x', value)).toEqual({ a: 1, self: '[circular]' });
  });

  it('never lets a value under a hidden key through (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('key', 'Token', 'SECRET', 'pass', 'API', 'signature'),
        fc.string(),
        fc.anything(),
        (prefix, secret, suffix, value) => {
          const key = prefix + secret + suffix;
          expect(HIDDEN_SETTINGS.test(key)).toBe(true);
          expect(cleanseSetting(key, value)).toBe(CLEANSED_SUBSTITUTE);
        },
      ),
    );
  });
});
