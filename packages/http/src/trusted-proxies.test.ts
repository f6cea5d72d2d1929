import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrustedProxies } from './trusted-proxies.js';

describe('TrustedProxies', () => {
  it('matches addresses and CIDR networks, IPv4-mapped IPv6 included', () => {
    const proxies = new TrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(proxies.has('127.0.0.1')).toBe(true);
    expect(proxies.has('::ffff:127.0.0.1')).toBe(true);
    expect(proxies.has('10.200.3.4')).toBe(true);
    expect(proxies.has('fd12::1')).toBe(true);
    expect(proxies.has('127.0.0.2')).toBe(false);
    expect(proxies.has('11.0.0.1')).toBe(false);
    expect(proxies.has('')).toBe(false);
    expect(proxies.has(undefined)).toBe(false);
    expect(proxies.has('not-an-address')).toBe(false);
  });

  it('names an entry that is not an address or a network', () => {
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(/"10.0.0.0\/33".*'10.0.0.0\/8'/);
    expect(() => new TrustedProxies(['lb.internal'])).toThrow(/"lb.internal"/);
    expect(() => new TrustedProxies(['10.0.0.0/8/1'])).toThrow(/not an IP address/);
    expect(() => new TrustedProxies('127.0.0.1' as never)).toThrow(/must be an array/);
  });

  it('takes the right-most untrusted X-Forwarded-For hop, only from a trusted peer', () => {
    const proxies = new TrustedProxies(['127.0.0.1', '10.0.0.0/8']);
    // A client forging a left-most hop does not move REMOTE_ADDR past what the proxy saw.
    expect(proxies.clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientAddress('127.0.0.1', '203.0.113.9, 10.1.1.1')).toBe('203.0.113.9');
    expect(proxies.clientAddress('127.0.0.1', '10.1.1.1, 10.2.2.2')).toBe('10.1.1.1');
    expect(proxies.clientAddress('127.0.0.1', 'garbage, 203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientAddress('127.0.0.1', '203.0.113.9, garbage')).toBe('127.0.0.1');
    expect(proxies.clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(proxies.clientAddress('198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
  });

  it('never answers an address the header or the peer did not name (property)', () => {
    const proxies = new TrustedProxies(['127.0.0.0/8']);
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.array(fc.oneof(fc.ipV4(), fc.string()), { maxLength: 6 }),
        (peer, hops) => {
          const header = hops.join(',');
          const answer = proxies.clientAddress(peer, header);
          const named = [peer, ...hops.map((hop) => hop.trim())];
          expect(named).toContain(answer);
          if (!proxies.has(peer)) expect(answer).toBe(peer);
        },
      ),
    );
  });
});
