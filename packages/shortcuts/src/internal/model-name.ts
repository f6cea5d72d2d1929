/** The model name a lookup reports in its messages, and Django's 404 message for it. */
import type { LookupOptions } from '../data-source.js';
import { sourceModelName } from './read-source.js';

/** The explicit `model` option, else what the source reveals (a table name), else `object`. */
export function modelNameFor(source: unknown, options: LookupOptions): string {
  const { model } = options;
  if (typeof model === 'string') {
    if (model) return model;
  } else if (model && typeof model.name === 'string' && model.name) {
    return model.name;
  }
  return sourceModelName(source) ?? 'object';
}

/** Django's `No <Model> matches the given query.`, or the caller's own message. */
export function notFoundMessage(modelName: string, options: LookupOptions): string {
  const { message } = options;
  if (typeof message === 'function') return message(modelName);
  if (typeof message === 'string') return message;
  return `No ${modelName} matches the given query.`;
}
