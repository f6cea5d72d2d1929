import { describe, expect, it } from 'vitest';
import { shouldColor } from './colors.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('shouldColor', () => {
  it('colours a terminal and not a pipe by default', () => {
    expect(shouldColor(tty, {})).toBe(true);
    expect(shouldColor(pipe, {})).toBe(false);
    expect(shouldColor(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('turns colour off for any non-empty NO_COLOR (no-color.org)', () => {
    expect(shouldColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(tty, { NO_COLOR: 'yes' })).toBe(false);
    expect(shouldColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it.each(['1', '2', '3', 'true', ''])('FORCE_COLOR=%j colours even a pipe', (value) => {
    expect(shouldColor(pipe, { FORCE_COLOR: value })).toBe(true);
    expect(shouldColor(pipe, { FORCE_COLOR: value, NO_COLOR: '1' })).toBe(true);
  });

  it.each(['0', 'false'])('FORCE_COLOR=%j turns colour off even on a terminal', (value) => {
    expect(shouldColor(tty, { FORCE_COLOR: value })).toBe(false);
  });

  it('ignores an unknown FORCE_COLOR value', () => {
    expect(shouldColor(tty, { FORCE_COLOR: 'maybe' })).toBe(true);
    expect(shouldColor(pipe, { FORCE_COLOR: 'maybe' })).toBe(false);
  });
});
