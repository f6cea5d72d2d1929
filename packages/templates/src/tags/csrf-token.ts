/**
 * Render time of `{% csrf_token %}`: the hidden input, or nothing.
 *
 * @module
 */
import { pyBool } from '../internal/python-truth.js';
import { pythonOperand } from '../internal/runtime/comparison.js';
import { renderValue } from '../internal/runtime/output.js';

/** `{% csrf_token %}`. */
export function csrfInput(token: unknown): string {
  if (!pyBool(token)) return '';
  if (pythonOperand(token) === 'NOTPROVIDED') return '';
  return `<input type="hidden" name="csrfmiddlewaretoken" value="${renderValue(token, true)}">`;
}
