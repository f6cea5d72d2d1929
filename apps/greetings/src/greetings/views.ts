/**
 * The greetings app's views: the tutorial's function views, one per URL, each taking the request
 * and the route's typed params and returning an HttpResponse. Everything the user typed is
 * escaped (the tutorial's f-strings were not); otherwise the bytes are the tutorial's.
 */
import { Http404, HttpResponse, escape, type HttpRequest } from '@reins/http';
import { redirect } from '@reins/shortcuts';
import { capitalize } from './capitalize.js';

const knownUsers = new Set(['alice', 'bob', 'carol']);

/** `/greetings/` — the homepage, counting the visitor's visits in the session. */
export function home(request: HttpRequest): HttpResponse {
  const visits = request.session.get<number>('visits', 0) + 1;
  request.session.set('visits', visits);
  return new HttpResponse(
    `<h1>Welcome to the App!</h1><p>This is the homepage.</p><p>You have been here ${visits} ${visits === 1 ? 'time' : 'times'}.</p>`,
  );
}

/** `/greetings/search/?q=…&page=…` — echoes the search term and page (the last value wins). */
export function search(request: HttpRequest): HttpResponse {
  const query = request.GET.get('q') ?? '';
  const page = request.GET.get('page') ?? '1';
  const found = query
    ? `<p>You searched for: <strong>${escape(query).toString()}</strong></p>`
    : '<p>Please provide a search term using ?q=...</p>';
  return new HttpResponse(
    `<h1>Search Results</h1>${found}<p>Showing page: ${escape(page).toString()}</p>`,
  );
}

/** `/greetings/go-home/` — a redirect to the view named `home`. */
export function goHome(): Promise<HttpResponse> | HttpResponse {
  return redirect('home');
}

/** `/greetings/profile/<str:username>/` — three known users; anyone else is a 404. */
export function showProfile(
  _request: HttpRequest,
  { username }: { username: string },
): HttpResponse {
  if (!knownUsers.has(username)) throw new Http404('User not found');
  return new HttpResponse(`<h1>Profile of ${escape(capitalize(username)).toString()}</h1>`);
}

/** `/greetings/<str:name>/` — a greeting with the name capitalised. */
export function personalizedGreeting(
  _request: HttpRequest,
  { name }: { name: string },
): HttpResponse {
  return new HttpResponse(
    `<h1>Hello, ${escape(capitalize(name)).toString()}!</h1><p>Nice to meet you.</p>`,
  );
}
