/**
 * Django's shortcuts recorded from Django 3.2 by fixtures/generate-shortcuts.py: resolve_url() and
 * redirect() over every kind of target, and render() with status, content type, template lists,
 * {% url %} and missing templates. The Django urlconf is re-declared here with @reins/urls and the
 * templates are rendered by @reins/templates. Deliberate differences are listed in DIFFERENCES
 * with the reason; nothing is skipped.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisallowedRedirect, HttpRequest, HttpResponse } from '@reins/http';
import { Engine, TemplateDoesNotExist } from '@reins/templates';
import { createResolver, include, NoReverseMatch, path } from '@reins/urls';
import {
  redirect,
  render,
  resolveUrl,
  reverseLazy,
  setDefaultUrlconf,
  setTemplates,
} from '../src/index.js';
import type { RedirectTarget } from '../src/index.js';

interface Outcome {
  error: string;
  message: string;
}
interface ResolveCase {
  to?: string;
  target?: string;
  args?: Array<string | number>;
  kwargs?: Record<string, string>;
  permanent?: boolean;
  resolve_url?: string;
  resolve_url_error?: Outcome;
  redirect?: { status: number; location: string };
  redirect_error?: Outcome;
}
interface RenderCase {
  template: string | string[];
  context?: Record<string, unknown>;
  status?: number;
  content_type?: string;
  status_code?: number;
  content_type_header?: string;
  content?: string;
  error?: string;
  message?: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('fixtures/shortcuts.json', import.meta.url), 'utf8'),
) as {
  generated_by: string;
  templates: Record<string, string>;
  resolve: ResolveCase[];
  render: RenderCase[];
};

const home = (): HttpResponse => new HttpResponse('home');
const sView = (): HttpResponse => new HttpResponse('s');
const detail = (): HttpResponse => new HttpResponse('detail');
const resolver = createResolver([
  path('', home, { name: 'home' }),
  path('s/<str:v>/', sView, { name: 's' }),
  path(
    'polls/',
    include({
      urlpatterns: [
        path('<int:pk>/', detail, { name: 'detail' }),
        path('', home, { name: 'index' }),
      ],
      appName: 'polls',
    }),
  ),
]);

const TARGETS: Record<string, RedirectTarget> = {
  model: { getAbsoluteUrl: () => '/model/url/' },
  'view-function': home,
  'lazy-home': reverseLazy('home'),
};

/** Cases where reins answers differently on purpose: its exact answer and why. */
const DIFFERENCES: Record<string, { resolve?: Outcome; redirect?: Outcome; reason: string }> = {
  'javascript:alert(1)': {
    resolve: {
      error: 'DisallowedRedirect',
      message:
        "Unsafe redirect to 'javascript:alert(1)': it is not a view name ('javascript' is not a registered namespace. Check the namespace in 'javascript:alert(1)' against the include() calls of the urlconf.) and its scheme 'javascript' is not one of http, https, ftp.",
    },
    redirect: {
      error: 'DisallowedRedirect',
      message:
        "Unsafe redirect to 'javascript:alert(1)': it is not a view name ('javascript' is not a registered namespace. Check the namespace in 'javascript:alert(1)' against the include() calls of the urlconf.) and its scheme 'javascript' is not one of http, https, ftp.",
    },
    reason:
      'Django raises NoReverseMatch (a 500) for a scheme that is not a namespace; reins refuses it as an unsafe redirect (a 400), since such strings come from user input.',
  },
};

const checks: Record<string, (error: unknown) => boolean> = {
  NoReverseMatch: (error) => NoReverseMatch.isInstance(error),
  DisallowedRedirect: (error) => DisallowedRedirect.isInstance(error),
  ValueError: (error) => error instanceof Error && /args.*kwargs|kwargs.*args/i.test(error.message),
  TemplateDoesNotExist: (error) => TemplateDoesNotExist.isInstance(error),
};

/** Django's NoReverseMatch/DisallowedRedirect texts; reins' say the same and how to fix it. */
function expectError(thrown: unknown, expected: Outcome): void {
  expect(
    checks[expected.error]?.(thrown),
    `expected ${expected.error}, got ${String(thrown)}`,
  ).toBe(true);
  const message = (thrown as Error).message;
  if (expected.error === 'DisallowedRedirect') {
    expect(message.startsWith(expected.message), message).toBe(true);
  } else if (expected.error === 'TemplateDoesNotExist') {
    // Django's message is the name(s) tried; @reins/templates' names them and says how to fix it.
    expect(message).toContain(expected.message);
  } else if (expected.error === 'NoReverseMatch') {
    // @reins/urls words it its own way (README: "naming the view, the arguments and the patterns
    // tried is" what must match); the view name and the namespace or pattern must appear.
    const quoted = /'([^']+)'/.exec(expected.message)?.[1] ?? '';
    expect(message).toContain(quoted);
  }
}

function attempt<T>(run: () => T): { value?: T; error?: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

beforeAll(() => {
  setDefaultUrlconf(resolver);
  setTemplates(new Engine({ templates: fixture.templates }));
});
afterAll(() => {
  setDefaultUrlconf(null);
  setTemplates(null);
});

describe(`resolveUrl / redirect (${fixture.generated_by})`, () => {
  it.each(
    fixture.resolve.map(
      (c) => [c.to ?? `<${c.target}>`, JSON.stringify(c.args ?? c.kwargs ?? ''), c] as const,
    ),
  )('%s %s', (name, _args, c) => {
    const to = c.target ? TARGETS[c.target]! : c.to!;
    const options = {
      ...(c.args ? { args: c.args } : {}),
      ...(c.kwargs ? { kwargs: c.kwargs } : {}),
    };
    const difference = DIFFERENCES[name];

    const resolved = attempt(() => resolveUrl(to, options));
    const resolveError = difference?.resolve ?? c.resolve_url_error;
    if (resolveError) {
      expectError(resolved.error, resolveError);
      if (difference?.resolve)
        expect((resolved.error as Error).message).toBe(difference.resolve.message);
    } else {
      expect(resolved.error).toBeUndefined();
      expect(resolved.value).toBe(c.resolve_url);
    }

    const redirected = attempt(() => redirect(to, { ...options, permanent: c.permanent ?? false }));
    const redirectError = difference?.redirect ?? c.redirect_error;
    if (redirectError) {
      expectError(redirected.error, redirectError);
    } else {
      expect(redirected.error).toBeUndefined();
      expect(redirected.value!.status).toBe(c.redirect!.status);
      expect(redirected.value!.headers.get('Location')).toBe(c.redirect!.location);
    }
  });

  it('takes positional arguments as Django does: redirect("polls:detail", 4)', () => {
    expect(redirect('polls:detail', 4).headers.get('Location')).toBe('/polls/4/');
    expect(redirect('s', 'val').url).toBe('/s/val/');
  });
});

describe(`render (${fixture.generated_by})`, () => {
  it.each(fixture.render.map((c) => [JSON.stringify(c.template), c] as const))(
    '%s',
    async (_name, c) => {
      const request = new HttpRequest({ url: '/' });
      const options = {
        ...(c.status ? { status: c.status } : {}),
        ...(c.content_type ? { contentType: c.content_type } : {}),
      };
      const result = await render(request, c.template, c.context ?? null, options).then(
        (response) => ({ response }),
        (error: unknown) => ({ error }),
      );
      if (c.error) {
        expect('error' in result).toBe(true);
        expectError((result as { error: unknown }).error, { error: c.error, message: c.message! });
        return;
      }
      const { response } = result as { response: HttpResponse };
      expect(response.status).toBe(c.status_code);
      expect(response.headers.get('Content-Type')).toBe(c.content_type_header);
      expect(response.text()).toBe(c.content);
    },
  );
});

/** The shared vectors for redirect targets (../../shared/conformance/http.json), through redirect(). */
const httpVectors = JSON.parse(
  readFileSync(new URL('fixtures/http.json', import.meta.url), 'utf8'),
) as {
  generated_by: string;
  redirect: Array<{ input: string; location?: string; error?: string }>;
};

describe(`redirect() over the shared redirect vectors (http.json, ${httpVectors.generated_by})`, () => {
  it.each(httpVectors.redirect.map((c) => [c.input, c] as const))('%s', (_input, c) => {
    const outcome = attempt(() => redirect(c.input));
    if (c.error) {
      expect(c.error).toBe('DisallowedRedirect');
      expect(DisallowedRedirect.isInstance(outcome.error), String(outcome.error)).toBe(true);
    } else {
      expect(outcome.error).toBeUndefined();
      expect(outcome.value!.headers.get('Location')).toBe(c.location);
    }
  });
});

describe('differences', () => {
  it('are all real cases', () => {
    for (const name of Object.keys(DIFFERENCES))
      expect(
        fixture.resolve.some((c) => c.to === name),
        name,
      ).toBe(true);
  });
});
