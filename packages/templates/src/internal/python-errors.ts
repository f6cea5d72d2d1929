/**
 * The Python exceptions Django's filters let escape (`ValueError` from `int("x")`, `IndexError`
 * from `random` on an empty list, …), as one error class whose `name` is the Python type, so a
 * render failure reads the way Django's traceback would.
 *
 * @module
 */

const BRAND = Symbol.for('reins.PythonError');

/** The Python exception types a filter can raise. */
export type PythonErrorType =
  | 'ValueError'
  | 'TypeError'
  | 'IndexError'
  | 'KeyError'
  | 'AttributeError'
  | 'ZeroDivisionError'
  | 'AssertionError'
  | 'AmbiguousTimeError'
  | 'SuspiciousOperation'
  | 'RecursionError';

/**
 * An error a Python filter would have raised; `name` is the Python type (`ValueError`, …).
 *
 * @example
 * throw new PythonError('ValueError', "invalid literal for int() with base 10: 'x'");
 */
export class PythonError extends Error {
  readonly [BRAND] = true;
  /** Stable code, e.g. `templates.value_error`. */
  readonly code: string;
  /** The Python exception type. */
  readonly pythonType: PythonErrorType;

  constructor(pythonType: PythonErrorType, message: string) {
    super(message);
    this.name = pythonType;
    this.pythonType = pythonType;
    this.code = `templates.${pythonType.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase()}`;
  }

  /** Recognise a PythonError from any copy of this package. */
  static isInstance(value: unknown): value is PythonError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
