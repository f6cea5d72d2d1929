/**
 * `pnpm bench`: what a class-based view costs per request, in process, against the hand-written
 * function view doing the same work (the floor; there is no JavaScript peer implementing Django's
 * class-based views). Each iteration builds a fresh request. Template views render through
 * `TemplateResponse` with @reins/templates, as the server does after the middleware.
 */
import { benchGroups } from '@reins/bench-tools';
import { HttpRequest, HttpResponse } from '@reins/http';
import { render, setTemplates, TemplateResponse } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { ListView, Paginator, TemplateView, View } from '../src/index.js';

const engine = new Engine({
  templates: {
    'hello.html': '<p>Hello, {{ name }}!</p>',
    'list.html':
      '{% for n in object_list %}{{ n }} {% endfor %}{{ page_obj.number }}/{{ paginator.num_pages }}',
  },
});
setTemplates(engine);
const rows = Array.from({ length: 500 }, (_, index) => index + 1);
const request = (url = '/hello/ann/'): HttpRequest => new HttpRequest({ url });

class Hello extends View<{ name: string }> {
  override get(_request: HttpRequest, { name }: { name: string }): HttpResponse {
    return new HttpResponse(`Hello, ${name}!`);
  }
}
const classView = Hello.asView();
const functionView = (_request: HttpRequest, { name }: { name: string }): HttpResponse =>
  new HttpResponse(`Hello, ${name}!`);
const templateView = TemplateView.asView({ templateName: 'hello.html' });
const listView = ListView.asView({ queryset: rows, paginateBy: 20, templateName: 'list.html' });

function renderTemplateResponse(response: unknown): Promise<unknown> {
  return Promise.resolve(TemplateResponse.isInstance(response) ? response.render() : response);
}

const groups: Array<[string, Array<[string, () => unknown]>]> = [
  [
    'GET, plain response',
    [
      ['function view', () => functionView(request(), { name: 'ann' })],
      ['View.asView()', () => classView(request(), { name: 'ann' })],
    ],
  ],
  [
    'GET, template',
    [
      ['function view + render()', () => render(request(), 'hello.html', { name: 'ann' })],
      [
        'TemplateView.asView()',
        async () => renderTemplateResponse(await templateView(request(), { name: 'ann' })),
      ],
    ],
  ],
  [
    'GET ?page=7 of 500 rows',
    [
      [
        'function view + Paginator + render()',
        () => {
          const req = request('/list/?page=7');
          const paginator = new Paginator(rows, 20);
          const page = paginator.page(req.GET.get('page') ?? 1);
          return render(req, 'list.html', {
            object_list: page.objectList,
            page_obj: page,
            paginator,
            is_paginated: true,
          });
        },
      ],
      [
        'ListView.asView()',
        async () => renderTemplateResponse(await listView(request('/list/?page=7'), {})),
      ],
    ],
  ],
];
await benchGroups('@reins/views — per request, in process (lower is better)', groups);
