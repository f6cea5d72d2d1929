/**
 * The error raised when a variable cannot be resolved where Django does not swallow it (a missing
 * filter argument), or anywhere in `strict` mode (`VariableDoesNotExist`).
 *
 * @module
 */
import { VARIABLE_DOES_NOT_EXIST_BRAND as BRAND } from '@reins/core';

/**
 * A variable lookup failed. `variable` is the dotted name as written in the template; with `strict`
 * on, the message also names the template, line and column.
 *
 * @example
 * const engine = new Engine({ strict: true });
 * engine.fromString('{{ user.nmae }}').render({ user: {} }); // throws VariableDoesNotExist
 */
export class VariableDoesNotExist extends Error {
  readonly [BRAND] = true;
  /** Stable code for programmatic checks. */
  readonly code = 'templates.variable_does_not_exist';
  /** The variable as written (`user.name`). */
  readonly variable: string;
  /** Template name, when known. */
  readonly templateName: string | undefined;
  /** 1-based line (0 when unknown). */
  readonly line: number;
  /** 1-based column (0 when unknown). */
  readonly column: number;

  constructor(variable: string, templateName?: string, line = 0, column = 0) {
    const where =
      templateName === undefined
        ? ''
        : ` in template '${templateName}', line ${String(line)}, column ${String(column)}`;
    super(
      `Variable '${variable}' does not exist${where}. Pass it in the context, fix its spelling, or give it a default with |default.`,
    );
    this.name = 'VariableDoesNotExist';
    this.variable = variable;
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }

  /** Recognise a VariableDoesNotExist from any copy of this package. */
  static isInstance(value: unknown): value is VariableDoesNotExist {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
