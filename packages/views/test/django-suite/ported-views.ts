/**
 * The views Django's generic_views tests define (tests/generic_views/test_base.py, and the
 * data-shaped ones of tests/generic_views/views.py that its urlconf routes to), ported to
 * TypeScript and keyed by Django's module.qualname. Django's own classes map onto reins' classes.
 * Views over models are not here: record.py marks their cases "needs Django's ORM".
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import type { TemplateResponse } from '@reins/shortcuts';
import { DetailView, ListView, RedirectView, TemplateView, View } from '../../src/index.js';
import type { Context, ViewClass, ViewResult } from '../../src/index.js';

class SimpleView extends View {
  override get(): ViewResult {
    return new HttpResponse('This is a simple view');
  }
}

class SimplePostView extends SimpleView {
  override post(): ViewResult {
    return new HttpResponse('This is a simple view');
  }
}

class PostOnlyView extends View {
  override post(): ViewResult {
    return new HttpResponse('This view only accepts POST');
  }
}

class CustomizableView extends SimpleView {
  parameter: Record<string, unknown> = {};
}

// Django decorates dispatch() with a function that sets `is_decorated`; as_view() copies it onto
// the view function (a Python attribute the test reads, not recorded).
class DecoratedDispatchView extends SimpleView {}

class AboutTemplateView extends TemplateView {
  override get(): ReturnType<TemplateView['get']> {
    return this.renderToResponse({});
  }
  override getTemplateNames(): string[] {
    return ['generic_views/about.html'];
  }
}

class AboutTemplateAttributeView extends TemplateView {
  override templateName = 'generic_views/about.html';
  override get(): ReturnType<TemplateView['get']> {
    return this.renderToResponse({});
  }
}

class InstanceView extends View {
  override get(): ViewResult {
    // Django's test returns the view itself (not a response) to look at it.
    return this as unknown as HttpResponse;
  }
}

// ViewTest.test_not_calling_parent_setup_error's TestView: setup() without super().
class NoSuperSetupView extends View {
  override setup(): void {}
}

// ViewTest.test_overridden_setup's SetAttributeMixin + SimpleView.
class CheckSetupView extends SimpleView {
  attr = false;
  override setup(request: HttpRequest, params: Record<string, unknown>, ...args: string[]): void {
    this.attr = true;
    super.setup(request, params, ...args);
  }
  override dispatch(request: HttpRequest, params: Record<string, unknown>): ViewResult {
    if (!this.attr) throw new Error('AssertionError: setup() did not run');
    return super.dispatch(request, params);
  }
}

class CustomTemplateView extends TemplateView {
  override templateName = 'generic_views/about.html';
  override async getContextData(kwargs: Context = {}): Promise<Context> {
    return { ...(await super.getContextData(kwargs)), key: 'value' };
  }
}

class CustomMultipleObjectMixinView extends ListView<Record<string, string>> {
  override queryset = [{ name: 'John' }, { name: 'Yoko' }];
  // Django's get() sets object_list and returns None; the test then asks for the context.
  override get(): Promise<TemplateResponse> {
    this.objectList = this.getQueryset() as Record<string, string>[];
    return Promise.resolve(undefined as unknown as TemplateResponse);
  }
}

class DictList extends ListView<Record<string, string>> {
  override queryset = [
    { first: 'John', last: 'Lennon' },
    { first: 'Yoko', last: 'Ono' },
  ];
  override templateName = 'generic_views/list.html';
}

class ObjectDetail extends DetailView {
  override templateName = 'generic_views/detail.html';
  override getObject(): Promise<Record<string, string>> {
    return Promise.resolve({ foo: 'bar' });
  }
}

const base = 'generic_views.test_base.';

/** Django's module.qualname → the reins class. */
export const PORTED_VIEWS = new Map<string, ViewClass>(
  (
    [
      ['django.views.generic.base.View', View],
      ['django.views.generic.base.TemplateView', TemplateView],
      ['django.views.generic.base.RedirectView', RedirectView],
      [`${base}SimpleView`, SimpleView],
      [`${base}SimplePostView`, SimplePostView],
      [`${base}PostOnlyView`, PostOnlyView],
      [`${base}CustomizableView`, CustomizableView],
      [`${base}DecoratedDispatchView`, DecoratedDispatchView],
      [`${base}AboutTemplateView`, AboutTemplateView],
      [`${base}AboutTemplateAttributeView`, AboutTemplateAttributeView],
      [`${base}InstanceView`, InstanceView],
      [`${base}ViewTest.test_not_calling_parent_setup_error.<locals>.TestView`, NoSuperSetupView],
      [`${base}ViewTest.test_overridden_setup.<locals>.CheckSetupView`, CheckSetupView],
      ['generic_views.views.CustomTemplateView', CustomTemplateView],
      ['generic_views.views.CustomMultipleObjectMixinView', CustomMultipleObjectMixinView],
      ['generic_views.views.DictList', DictList],
      ['generic_views.views.ObjectDetail', ObjectDetail],
    ] as [string, unknown][]
  ).map(([id, cls]) => [id, cls as ViewClass]),
);
