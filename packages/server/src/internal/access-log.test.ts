import { describe, expect, it } from 'vitest';
import {
  formatAccessLine,
  formatServerTime,
  levelForStatus,
  styleForStatus,
} from './access-log.js';

describe('formatServerTime', () => {
  it('prints local time as DD/Mon/YYYY HH:MM:SS with zero padding', () => {
    expect(formatServerTime(new Date(2026, 10, 20, 17, 2, 47))).toBe('20/Nov/2026 17:02:47');
    expect(formatServerTime(new Date(2026, 0, 5, 3, 4, 5))).toBe('05/Jan/2026 03:04:05');
  });
});

describe('formatAccessLine', () => {
  const entry = {
    method: 'GET',
    url: '/greetings/?q=a',
    httpVersion: '1.1',
    status: 200,
    size: 56,
    time: new Date(2026, 10, 20, 17, 2, 47),
  };

  it("writes Django's django.server line", () => {
    expect(formatAccessLine(entry)).toBe(
      '[20/Nov/2026 17:02:47] "GET /greetings/?q=a HTTP/1.1" 200 56',
    );
  });

  it('leaves a 2xx line unstyled even in colour', () => {
    expect(formatAccessLine(entry, true)).toBe(formatAccessLine(entry));
  });

  it('colours the message, not the time, by status class', () => {
    const line = formatAccessLine({ ...entry, status: 404, size: 0 }, true);
    expect(line).toBe(
      '[20/Nov/2026 17:02:47] \u001b[33m"GET /greetings/?q=a HTTP/1.1" 404 0\u001b[0m',
    );
  });
});

describe('styleForStatus', () => {
  it.each([
    [101, '\u001b[1m'],
    [200, ''],
    [204, ''],
    [301, '\u001b[32m'],
    [304, '\u001b[36m'],
    [400, '\u001b[31;1m'],
    [403, '\u001b[31;1m'],
    [404, '\u001b[33m'],
    [500, '\u001b[35;1m'],
    [503, '\u001b[35;1m'],
  ])('styles %i as Django does', (status, style) => {
    expect(styleForStatus(status)).toBe(style);
  });
});

describe('levelForStatus', () => {
  it('is info below 400, warning for 4xx, error from 500', () => {
    expect([200, 302, 404, 499, 500].map(levelForStatus)).toEqual([
      'info',
      'info',
      'warning',
      'warning',
      'error',
    ]);
  });
});
