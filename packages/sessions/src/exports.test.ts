import { describe, expect, it } from 'vitest';

describe('@reins/sessions exports', () => {
  it('exports exactly these names', async () => {
    const names = Object.keys(await import('./index.js')).sort();
    expect(names).toEqual([
      'CacheSessionStore',
      'CachedDbSessionStore',
      'DatabaseSessionStore',
      'RedisSessionStore',
      'Session',
      'SessionCookieTooLarge',
      'SessionInterrupted',
      'SessionMiddleware',
      'SessionNotLoaded',
      'SessionStoreError',
      'SignedCookieStore',
      'UpdateError',
      'VALID_KEY_CHARS',
      'decodeSessionData',
      'encodeSessionData',
      'generateSessionKey',
      'sessionMiddleware',
      'sessionsMigrations',
    ]);
  });
});
