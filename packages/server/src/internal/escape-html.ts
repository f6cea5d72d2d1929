/**
 * HTML escaping for the pages this package writes itself (debug pages), with Django's `escape()`
 * table. Kept local so the debug pages build plain strings without going through the
 * safe-string machinery of the template engine.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

/** Escape `&<>"'` in `text`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
