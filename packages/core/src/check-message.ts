/**
 * `CheckMessage`: one finding of a system check (Django's `checks.CheckMessage`), shared by the URL
 * checks of `@reins/urls`, `reins check` and every package that adds checks.
 *
 * @module
 */

/**
 * One finding: a stable id (`urls.W002`, `server.W001`), a level, what is wrong and how to fix it.
 *
 * @example
 * const message: CheckMessage = { id: 'server.W002', level: 'warning', message: 'allowedHosts is empty.' };
 */
export interface CheckMessage {
  /** Stable id: Django's (`urls.W002`, `security.W004`…) or ours (`urls.W1xx`, `server.W0xx`). */
  id: string;
  level: 'error' | 'warning';
  message: string;
  hint?: string;
  /** The pattern (or setting) the finding is about, when there is one. */
  pattern?: string;
}
