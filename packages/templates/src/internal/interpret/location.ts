/**
 * Where a name is written in a template, for the errors that point at it (the compiler's
 * `locationConstant`, computed only when an error needs it).
 *
 * @module
 */
import type { Token } from '../lexer.js';
import { locationOf } from '../parser.js';
import type { MissingInfo } from '../runtime/render-state.js';

/** A template's source and name. */
export interface Located {
  readonly source: string;
  readonly templateName: string;
}

/** Where `name`, written at `token`, is in the template. */
export function locationInfo(where: Located, name: string, token: Token): MissingInfo {
  const loc = locationOf(where.source, token, where.templateName);
  return {
    name,
    template: loc.templateName,
    line: loc.line,
    column: loc.column,
    sourceLine: loc.sourceLine,
  };
}
