/**
 * Greet someone; the template package's placeholder export, replaced by the real API.
 *
 * @example
 * hello('reins'); // 'Hello, reins!'
 */
export function hello(name: string): string {
  return `Hello, ${name}!`;
}
