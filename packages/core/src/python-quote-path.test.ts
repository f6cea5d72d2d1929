import { describe, expect, it } from 'vitest';
import { quote as pythonQuote } from './python-quote.js';

describe('pythonQuote', () => {
  it.each([
    ['/no pe/é', '/no%20pe/%C3%A9'],
    ['/a/b_c.d-e~f/', '/a/b_c.d-e~f/'],
    ["/it's(*)!", '/it%27s%28%2A%29%21'],
    ['/q?x=1&y', '/q%3Fx%3D1%26y'],
    ['/<script>', '/%3Cscript%3E'],
  ])("quotes %s as Python's quote(safe='/')", (input, output) => {
    expect(pythonQuote(input)).toBe(output);
  });
});
