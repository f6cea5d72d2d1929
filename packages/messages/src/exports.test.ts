import { describe, expect, it } from 'vitest';

describe('@reins/messages exports', () => {
  it('exports exactly these names', async () => {
    const names = Object.keys(await import('./index.js')).sort();
    expect(names).toEqual([
      'BaseStorage',
      'CookieStorage',
      'DEBUG',
      'DEFAULT_LEVELS',
      'DEFAULT_TAGS',
      'ERROR',
      'FallbackStorage',
      'INFO',
      'Message',
      'MessageFailure',
      'MessageMiddleware',
      'SUCCESS',
      'SessionStorage',
      'WARNING',
      'addMessage',
      'debug',
      'defaultStorageConfig',
      'error',
      'getLevel',
      'getMessages',
      'info',
      'messageMiddleware',
      'messagesContextProcessor',
      'setLevel',
      'success',
      'warning',
    ]);
  });
});
