import { resolveUrl } from '@reins/shortcuts';

/**
 * Django's `resolve_url` for settings such as `loginUrl`: a value with `/` is a URL already (no
 * view name contains one, so Django's reverse would fail and fall back to it), so only a bare
 * name is reversed — which also keeps the decorators usable outside an app with a URLconf.
 */
export function resolveTarget(target: string): string {
  return target.includes('/') ? target : resolveUrl(target);
}
