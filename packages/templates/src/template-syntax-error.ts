/**
 * The compile-time error of the template language (`TemplateSyntaxError`), carrying where in which
 * template the problem is, so the message can show the offending source line.
 *
 * @module
 */

const BRAND = Symbol.for('reins.TemplateSyntaxError');

/** Where a template error happened: template name, 1-based line and column, and the source line. */
export interface TemplateErrorLocation {
  /** The template's name (`'<string>'` for `engine.fromString`). */
  templateName: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column of the token's first character. */
  column: number;
  /** The full text of that source line. */
  sourceLine: string;
}

/**
 * A template that cannot be compiled: unknown tag, unclosed block, unparsable expression…
 * `message` starts with Django's own text and ends with the template name, line, column and the
 * source line with a caret under the offending token.
 *
 * @example
 * try { engine.fromString('{% if %}') } catch (error) {
 *   if (TemplateSyntaxError.isInstance(error)) console.log(error.line, error.djangoMessage);
 * }
 */
export class TemplateSyntaxError extends Error {
  readonly [BRAND] = true;
  /** Stable code for programmatic checks. */
  readonly code = 'templates.template_syntax_error';
  /** Django's message, without the location suffix. */
  readonly djangoMessage: string;
  /** Template name, or `undefined` when the error was raised outside a template. */
  templateName: string | undefined;
  /** 1-based line of the offending token (0 when unknown). */
  line = 0;
  /** 1-based column of the offending token (0 when unknown). */
  column = 0;
  /** The source line holding the offending token. */
  sourceLine = '';

  constructor(message: string, location?: TemplateErrorLocation) {
    super(message);
    this.name = 'TemplateSyntaxError';
    this.djangoMessage = message;
    this.templateName = undefined;
    if (location) this.setLocation(location);
  }

  /** Attach a location once (the innermost, most precise one wins) and rebuild the message. */
  setLocation(location: TemplateErrorLocation): this {
    if (this.templateName !== undefined) return this;
    this.templateName = location.templateName;
    this.line = location.line;
    this.column = location.column;
    this.sourceLine = location.sourceLine;
    const caret = ' '.repeat(Math.max(0, location.column - 1)) + '^';
    this.message =
      `${this.djangoMessage}\n  in template '${location.templateName}', line ${String(location.line)}, ` +
      `column ${String(location.column)}:\n    ${location.sourceLine}\n    ${caret}`;
    return this;
  }

  /** Recognise a TemplateSyntaxError from any copy of this package. */
  static isInstance(value: unknown): value is TemplateSyntaxError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
