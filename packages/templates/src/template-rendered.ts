/**
 * A hook called for every template rendered (`onTemplateRendered`), including included and parent
 * templates, the way Django's test client records `template_rendered` signals.
 *
 * @module
 */

/** What a template-rendered listener receives. */
export interface TemplateRenderedEvent {
  /** The template's name (`'<string>'` for `fromString`). */
  name: string;
  /** Every variable visible when the template started rendering. */
  context: Record<string, unknown>;
}

const listeners = new Set<(event: TemplateRenderedEvent) => void>();

/**
 * Listen to template renders; returns the function that stops listening.
 *
 * @example
 * const names: string[] = [];
 * const stop = onTemplateRendered(({ name }) => names.push(name));
 * engine.getTemplate('page.html').render({});
 * stop();
 */
export function onTemplateRendered(listener: (event: TemplateRenderedEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether anyone listens (so renders skip building the event otherwise). */
export function hasTemplateRenderedListeners(): boolean {
  return listeners.size > 0;
}

/** Call every listener. */
export function emitTemplateRendered(event: TemplateRenderedEvent): void {
  for (const listener of listeners) listener(event);
}
