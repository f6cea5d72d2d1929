import { describe, expect, it } from 'vitest';
import { shouldColor } from './colors.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('shouldColor', () => {
  it('colours a TTY and never a pipe or a file when nothing is set', () => {
    expect(shouldColor(tty, {})).toBe(true);
    expect(shouldColor(pipe, {})).toBe(false);
    expect(shouldColor({}, {})).toBe(false);
  });

  it('NO_COLOR with any non-empty value turns colour off; empty is as if unset (no-color.org)', () => {
    expect(shouldColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(tty, { NO_COLOR: '0' })).toBe(false);
    expect(shouldColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('FORCE_COLOR=0 or false turns colour off, even on a TTY', () => {
    expect(shouldColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(shouldColor(tty, { FORCE_COLOR: 'FALSE' })).toBe(false);
  });

  it('FORCE_COLOR set to anything else colours a pipe, and wins over NO_COLOR as in Node', () => {
    for (const value of ['', '1', '2', '3', 'true']) {
      expect(shouldColor(pipe, { FORCE_COLOR: value })).toBe(true);
      expect(shouldColor(pipe, { FORCE_COLOR: value, NO_COLOR: '1' })).toBe(true);
    }
  });

  it('TERM=dumb turns colour off on a TTY unless forced', () => {
    expect(shouldColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(shouldColor(tty, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
  });

  it('never colours a pipe unless FORCE_COLOR says so, whatever else is set', () => {
    const values = [undefined, '', '0', '1', 'false', 'true', 'dumb', 'xterm-256color'];
    for (const NO_COLOR of values)
      for (const TERM of values)
        for (const CI of values) expect(shouldColor(pipe, { NO_COLOR, TERM, CI })).toBe(false);
  });
});
