/**
 * What the greetings site answers, as one table both suites run: the in-process one (the test
 * client) and the one over a real socket against the server started as the README starts it.
 */
export interface SiteCase {
  name: string;
  method?: 'GET' | 'POST' | 'HEAD';
  path: string;
  status: number;
  /** The exact body. */
  body?: string;
  /** Fragments the body must contain, in order of appearance not required. */
  contains?: readonly string[];
  location?: string;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

export const siteCases: readonly SiteCase[] = [
  {
    name: 'greetings home',
    path: '/greetings/',
    status: 200,
    // The visit count depends on the requests before it (the suites keep their cookies).
    contains: ['<h1>Welcome to the App!</h1><p>This is the homepage.</p><p>You have been here '],
    contentType: 'text/html; charset=utf-8',
    headers: { vary: 'Cookie' },
  },
  {
    name: 'personalized greeting',
    path: '/greetings/Alice/',
    status: 200,
    body: '<h1>Hello, Alice!</h1><p>Nice to meet you.</p>',
  },
  {
    name: 'greeting capitalizes like Python',
    path: '/greetings/ALICE/',
    status: 200,
    body: '<h1>Hello, Alice!</h1><p>Nice to meet you.</p>',
  },
  {
    name: 'greeting keeps non-ASCII names',
    path: '/greetings/caf%C3%A9/',
    status: 200,
    body: '<h1>Hello, Café!</h1><p>Nice to meet you.</p>',
  },
  {
    name: 'greeting escapes what the user typed',
    path: '/greetings/%3Cb%3E%22x%27/',
    status: 200,
    body: '<h1>Hello, &lt;b&gt;&quot;x&#x27;!</h1><p>Nice to meet you.</p>',
  },
  {
    name: 'search with a term',
    path: '/greetings/search/?q=django',
    status: 200,
    body: '<h1>Search Results</h1><p>You searched for: <strong>django</strong></p><p>Showing page: 1</p>',
  },
  {
    name: 'search without a term',
    path: '/greetings/search/',
    status: 200,
    body: '<h1>Search Results</h1><p>Please provide a search term using ?q=...</p><p>Showing page: 1</p>',
  },
  {
    name: 'search: the last repeated parameter wins, and is escaped',
    path: '/greetings/search/?q=a&q=%3Cscript%3E&page=2&page=3',
    status: 200,
    body: '<h1>Search Results</h1><p>You searched for: <strong>&lt;script&gt;</strong></p><p>Showing page: 3</p>',
  },
  { name: 'go home redirects', path: '/greetings/go-home/', status: 302, location: '/greetings/' },
  {
    name: 'a known profile',
    path: '/greetings/profile/alice/',
    status: 200,
    body: '<h1>Profile of Alice</h1>',
  },
  {
    name: 'an unknown profile is the custom 404 page',
    path: '/greetings/profile/zorg/',
    status: 404,
    contains: ['<h1>Page not found</h1>', '<code>/greetings/profile/zorg/</code>'],
  },
  {
    name: 'APPEND_SLASH redirects a missing slash',
    path: '/greetings/Alice',
    status: 301,
    location: '/greetings/Alice/',
  },
  {
    name: 'APPEND_SLASH keeps the query string',
    path: '/greetings/search?q=x',
    status: 301,
    location: '/greetings/search/?q=x',
  },
  {
    name: 'article list',
    path: '/',
    status: 200,
    contains: [
      '<h1>Articles</h1>',
      'href="/article/1"',
      'Hello, reins',
      '<form action="/greetings/search/"',
    ],
  },
  {
    name: 'article detail',
    path: '/article/1',
    status: 200,
    contains: ['<h1>Hello, reins</h1>', '<p>reins rebuilds the request–response cycle'],
  },
  {
    name: 'autoescaping in the article body',
    path: '/article/3',
    status: 200,
    contains: ['&lt;script&gt; stays text'],
  },
  {
    name: 'a missing article is the custom 404 page',
    path: '/article/999',
    status: 404,
    contains: ['<h1>Page not found</h1>', '<code>/article/999</code>'],
  },
  { name: 'POST to the article list is not allowed', method: 'POST', path: '/', status: 405 },
  {
    name: 'the JSON endpoint',
    path: '/api/articles/',
    status: 200,
    contentType: 'application/json',
    contains: ['"title":"Hello, reins"'],
  },
  { name: 'the logo', path: '/logo.png', status: 200, contentType: 'image/png' },
  { name: 'a static file', path: '/static/style.css', status: 200, contentType: 'text/css' },
  {
    name: 'no climbing out of the static folder',
    path: '/static/..%2F..%2Fpackage.json',
    status: 404,
  },
  // A client's path that the file system rejects is a 404, not a 500 (issue #19 item 9).
  { name: 'a static file used as a folder (ENOTDIR)', path: '/static/style.css/', status: 404 },
  { name: 'a path below a static file (ENOTDIR)', path: '/static/style.css/x', status: 404 },
  {
    name: 'a static name too long (ENAMETOOLONG)',
    path: `/static/${'a'.repeat(300)}`,
    status: 404,
  },
  {
    name: 'a static path too long (ENAMETOOLONG)',
    path: `/static/${'a/'.repeat(7500)}`,
    status: 404,
  },
  {
    name: 'security headers from the middleware',
    path: '/greetings/',
    status: 200,
    headers: { 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' },
  },
];

/** What each suite must give the checker for one response. */
export interface SeenResponse {
  status: number;
  headers: { get(name: string): string | null | undefined };
  body: string;
}
