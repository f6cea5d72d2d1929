/**
 * From the `request.app` object the handler gives every request back to its application's
 * context, so views of @reins/server (the health checks) read the settings of the app serving
 * them without a process-wide variable.
 */
import type { AppContext } from './app-context.js';

const contexts = new WeakMap<object, AppContext>();

/** Remember which context `requestApp` belongs to (called once per app by the lifecycle). */
export function registerRequestApp(requestApp: object, context: AppContext): void {
  contexts.set(requestApp, context);
}

/** The context of the app serving a request, from its `request.app`. */
export function contextOfRequestApp(requestApp: unknown): AppContext | undefined {
  return typeof requestApp === 'object' && requestApp !== null
    ? contexts.get(requestApp)
    : undefined;
}
