// @ts-check
import autocannon from 'autocannon';

/**
 * autocannon against `url` for `duration` seconds (no pipelining), as a promise.
 *
 * @example
 * const result = await loadTest(url, { connections: 50, duration: 3 });
 * console.log(result.requests.average);
 *
 * @param {string} url
 * @param {{ connections: number, duration: number, headers?: Record<string, string> }} options
 * @returns {Promise<autocannon.Result>}
 */
export function loadTest(url, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, pipelining: 1, ...options }, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
}
