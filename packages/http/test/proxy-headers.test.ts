/**
 * The proxy headers behind a load balancer: with `trustedProxies`, a client that reaches the
 * server directly cannot spoof `X-Forwarded-For`, `X-Forwarded-Proto`, `X-Forwarded-Host` or
 * `X-Forwarded-Port`; the balancer can. Without it, Django's behaviour: the settings trust any peer.
 */
import { describe, expect, it } from 'vitest';
import { DisallowedHost, HttpRequest, type RequestOptions } from '../src/index.js';

const BALANCER = '10.0.0.2';
const CLIENT = '203.0.113.9';
const forwarded = {
  host: 'app.internal',
  'x-forwarded-for': `${CLIENT}`,
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'www.example.com',
  'x-forwarded-port': '443',
};
const options: RequestOptions = {
  allowedHosts: ['app.internal', 'www.example.com'],
  secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'],
  useXForwardedHost: true,
  useXForwardedPort: true,
  trustedProxies: ['10.0.0.0/24'],
};

function from(peer: string, settings: RequestOptions = options): HttpRequest {
  return new HttpRequest({
    url: '/',
    headers: forwarded,
    connection: { remoteAddress: peer, localAddress: '10.0.0.5', localPort: 8000 },
    options: settings,
  });
}

describe('proxy headers', () => {
  it('are used from a trusted proxy', () => {
    const request = from(BALANCER);
    expect(request.META['REMOTE_ADDR']).toBe(CLIENT);
    expect(request.isSecure()).toBe(true);
    expect(request.getHost()).toBe('www.example.com');
    expect(request.getPort()).toBe('443');
    expect(request.buildAbsoluteUri('/a')).toBe('https://www.example.com/a');
  });

  it('are ignored from an untrusted peer (spoofed)', () => {
    const request = from('198.51.100.7');
    expect(request.META['REMOTE_ADDR']).toBe('198.51.100.7');
    expect(request.isSecure()).toBe(false);
    expect(request.getHost()).toBe('app.internal');
    expect(request.getPort()).toBe('8000');
    expect(request.buildAbsoluteUri('/a')).toBe('http://app.internal/a');
  });

  it('a spoofed X-Forwarded-Host from an untrusted peer cannot pass allowedHosts either way', () => {
    const request = new HttpRequest({
      headers: { host: 'evil.example', 'x-forwarded-host': 'www.example.com' },
      connection: { remoteAddress: '198.51.100.7' },
      options,
    });
    expect(() => request.getHost()).toThrow(DisallowedHost);
  });

  it("keep Django's behaviour without trustedProxies: trusted from any peer, REMOTE_ADDR the peer", () => {
    const request = from('198.51.100.7', { ...options, trustedProxies: null });
    expect(request.META['REMOTE_ADDR']).toBe('198.51.100.7');
    expect(request.isSecure()).toBe(true);
    expect(request.getHost()).toBe('www.example.com');
  });
});
