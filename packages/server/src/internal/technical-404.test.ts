import { describe, expect, it } from 'vitest';
import { technical404Page } from './technical-404.js';

const base = {
  method: 'GET',
  pathInfo: '/polls/x/',
  requestUrl: 'http://testserver/polls/x/',
  errorUrl: 'polls/x/',
  raisedBy: null,
  reason: null,
  urlconfName: 'app.urls',
};

function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:])/g, '$1');
}

describe('technical404Page', () => {
  it('lists every pattern tried, in order, with the include chain and the last name', () => {
    const { html, status } = technical404Page({
      ...base,
      tried: [
        [{ pattern: '', name: 'home' }],
        [
          { pattern: 'polls/', name: null },
          { pattern: '<int:pk>/', name: 'detail' },
        ],
        [{ pattern: 'admin/', name: null }],
      ],
    });
    expect(status).toBe(404);
    const body = text(html);
    expect(body).toContain('Page not found at /polls/x/');
    expect(body).toContain('Request Method: GET');
    expect(body).toContain('Request URL: http://testserver/polls/x/');
    expect(body).toContain('Using the URLconf defined in app.urls');
    expect(body).toContain("polls/ <int:pk>/ [name='detail']");
    expect(body.indexOf("[name='home']")).toBeLessThan(body.indexOf("[name='detail']"));
    expect(body).toContain('The current path, polls/x/, didn’t match any of these.');
    expect(body).not.toContain('Raised by');
  });

  it('says "matched the last one" and names the view when a view raised the 404', () => {
    const { html } = technical404Page({
      ...base,
      tried: [[{ pattern: 'polls/<int:pk>/', name: 'detail' }]],
      raisedBy: 'detail',
      reason: 'No poll matches the given query.',
    });
    const body = text(html);
    expect(body).toContain('Raised by: detail');
    expect(body).toContain('No poll matches the given query.');
    expect(body).toContain('matched the last one.');
  });

  it('names the empty path', () => {
    const { html } = technical404Page({
      ...base,
      pathInfo: '/',
      errorUrl: '',
      tried: [[{ pattern: 'a/', name: null }]],
    });
    expect(text(html)).toContain('The empty path didn’t match any of these.');
  });

  it('escapes the path and patterns', () => {
    const { html } = technical404Page({
      ...base,
      pathInfo: '/<script>',
      errorUrl: '<script>',
      tried: [[{ pattern: '<str:x>/', name: null }]],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;str:x&gt;/');
  });

  it('gives the welcome page, status 200, for an empty URLconf', () => {
    const { html, status } = technical404Page({ ...base, tried: [] });
    expect(status).toBe(200);
    expect(html).toContain('The install worked successfully! Congratulations!');
  });
});
