/**
 * Render time of `{% spaceless %}`: whitespace between tags removed.
 *
 * @module
 */
/** `{% spaceless %}`. */
export function stripSpacesBetweenTags(text: string): string {
  return text.trim().replace(/>\s+</g, '><');
}
