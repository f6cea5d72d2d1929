import { describe, expect, it } from 'vitest';
import { AddrPortError, displayHost, parseAddrPort } from './addrport.js';

describe('parseAddrPort', () => {
  it.each([
    [undefined, { host: '127.0.0.1', port: 8000 }],
    ['8080', { host: '127.0.0.1', port: 8080 }],
    ['0.0.0.0:8000', { host: '0.0.0.0', port: 8000 }],
    ['0:9000', { host: '0.0.0.0', port: 9000 }],
    ['localhost:3000', { host: 'localhost', port: 3000 }],
    ['[::1]:8000', { host: '::1', port: 8000 }],
  ])('parses %s as Django does', (input, expected) => {
    expect(parseAddrPort(input, {})).toEqual(expected);
  });

  it('falls back to HOST and PORT, which an argument overrides', () => {
    expect(parseAddrPort(undefined, { HOST: '0.0.0.0', PORT: '5000' })).toEqual({
      host: '0.0.0.0',
      port: 5000,
    });
    expect(parseAddrPort('7000', { HOST: '0.0.0.0', PORT: '5000' })).toEqual({
      host: '0.0.0.0',
      port: 7000,
    });
  });

  it.each(['abc', '1.2.3.4:', ':80', '99999', 'host:port'])(
    'rejects %s with a message quoting it',
    (input) => {
      expect(() => parseAddrPort(input, {})).toThrow(AddrPortError);
      expect(() => parseAddrPort(input, {})).toThrow(
        input === '99999'
          ? /'99999' is not a valid port/
          : new RegExp(`'${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`),
      );
    },
  );

  it('rejects a bad PORT variable', () => {
    expect(() => parseAddrPort(undefined, { PORT: 'eighty' })).toThrow(/PORT 'eighty'/);
  });
});

describe('displayHost', () => {
  it('brackets IPv6 addresses', () => {
    expect(displayHost({ host: '::1', port: 8000 })).toBe('[::1]:8000');
    expect(displayHost({ host: '127.0.0.1', port: 8000 })).toBe('127.0.0.1:8000');
  });
});
