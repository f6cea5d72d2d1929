/**
 * `trustedProxies`: which peers may speak for the client. Django trusts the proxy headers
 * (`SECURE_PROXY_SSL_HEADER`, `USE_X_FORWARDED_HOST`, `USE_X_FORWARDED_PORT`) from any peer and
 * leaves `REMOTE_ADDR` to the WSGI server; behind a load balancer that lets a client that reaches
 * the server directly spoof them. With a `trustedProxies` list, the headers count only when the
 * socket's peer is on it, and `REMOTE_ADDR` becomes the first untrusted address of
 * `X-Forwarded-For`, read from the right (each proxy appends the address it saw).
 *
 * @module
 */
import { BlockList, isIP } from 'node:net';

/**
 * A compiled `trustedProxies` list: addresses (`'10.0.0.7'`, `'::1'`) and networks in CIDR
 * notation (`'10.0.0.0/8'`, `'fd00::/8'`); built once per options object by the adapters.
 *
 * @example
 * const proxies = new TrustedProxies(['127.0.0.1', '10.0.0.0/8']);
 * proxies.has('10.1.2.3'); // true
 */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly #cache = new Map<string, boolean>();

  /** @throws {TypeError} naming the entry that is not an address or a network. */
  constructor(entries: readonly string[]) {
    if (!Array.isArray(entries)) {
      throw new TypeError(
        `The trustedProxies option must be an array of addresses or networks such as ['127.0.0.1', '10.0.0.0/8']; got ${JSON.stringify(entries)}.`,
      );
    }
    for (const entry of entries) {
      const [address = '', prefix, extra] = String(entry).split('/');
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      const max = family === 6 ? 128 : 32;
      if (
        family === 0 ||
        extra !== undefined ||
        !Number.isInteger(bits) ||
        bits < 0 ||
        bits > max ||
        (prefix !== undefined && !/^\d+$/.test(prefix))
      ) {
        throw new TypeError(
          `trustedProxies entry ${JSON.stringify(entry)} is not an IP address or a network (CIDR); write it as '10.0.0.7' or '10.0.0.0/8'.`,
        );
      }
      this.#list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** Whether `address` (as a socket reports it, IPv4-mapped IPv6 included) is a trusted proxy. */
  has(address: string | undefined): boolean {
    if (address === undefined || address === '') return false;
    let known = this.#cache.get(address);
    if (known === undefined) {
      const plain = unmapped(address);
      const family = isIP(plain);
      known = family !== 0 && this.#list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
      // A load balancer is a handful of addresses; a client flood must not grow the cache.
      if (this.#cache.size < 1024) this.#cache.set(address, known);
    }
    return known;
  }

  /**
   * The client's address: the peer when it is not trusted; otherwise the right-most address of
   * `X-Forwarded-For` that is not a trusted proxy (the left-most when all are), or the peer when
   * the header is missing or holds something that is not an address.
   *
   * @example
   * new TrustedProxies(['127.0.0.1']).clientAddress('127.0.0.1', '203.0.113.9'); // '203.0.113.9'
   */
  clientAddress(peer: string, forwardedFor: string | undefined): string {
    if (forwardedFor === undefined || !this.has(peer)) return peer;
    const hops = forwardedFor.split(',');
    let client = peer;
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = unmapped(hops[index]!.trim());
      // A malformed hop was written by whoever is left of the last trusted proxy: stop there.
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!this.has(hop)) return hop;
    }
    return client;
  }
}

function unmapped(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
