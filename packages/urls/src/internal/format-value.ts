/**
 * Show a JavaScript value in an error message the way a JavaScript developer writes it
 * (`{ pk: 'abc' }`, `[1999]`), instead of Django's Python reprs.
 */
export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function')
    return value.name === '' ? '[Function]' : `[Function ${value.name}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return String(value);
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, depth + 1)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const body = entries
    .map(
      ([k, v]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : formatValue(k)}: ${formatValue(v, depth + 1)}`,
    )
    .join(', ');
  return `{ ${body} }`;
}
