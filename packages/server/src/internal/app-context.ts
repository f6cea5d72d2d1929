/**
 * What the handler's parts share about one application, built once by `createApp()`: the
 * validated settings, the resolver, the template engines and the logger.
 */
import type { TemplateEngines as Templates } from '@reins/shortcuts';
import type { URLResolver } from '@reins/urls';
import type { Logger } from '../logger.js';
import type { ResolvedSettings } from '../settings.js';

/**
 * A resolver for any URLconf. `URLResolver`'s type parameter only types `reverse()`; the handler
 * never reverses, so it accepts every resolver.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResolver = URLResolver<any>;

/** The application's shared state, as the handler and the error paths see it. */
export interface AppContext {
  readonly settings: ResolvedSettings;
  readonly logger: Logger;
  readonly templates: Templates | null;
  readonly resolver: AnyResolver;
  /** Responses already logged on the exception path, so the generic 4xx/5xx line is not repeated. */
  readonly loggedResponses: WeakSet<object>;
}
