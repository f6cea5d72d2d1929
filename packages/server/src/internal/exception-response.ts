/**
 * Exception → response, Django's `response_for_exception`: the table {@link EXCEPTION_RULES} says
 * which status each error family becomes, which page debug shows, and what is logged where; then
 * {@link responseForException} calls the custom handler (or the default error view) and falls
 * back to the 500 path if that fails. It never throws: the handler relies on it to keep every
 * layer's contract of "always a response".
 */
import {
  BadRequest,
  HttpResponse,
  Http404,
  MultiPartParserError,
  MultiValueDict,
  PermissionDenied,
  QueryDict,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
  runWithRequestUntilSettled,
} from '@reins/http';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { Resolver404 } from '@reins/urls';
import type { LogRecord } from '../logger.js';
import type { AppContext } from './app-context.js';
import { awaits } from './awaits.js';
import { renderDefaultErrorView } from './default-error-views.js';
import { GOT_REQUEST_EXCEPTION, isThenable } from '@reins/core';
import { technical404Response, technical500Response } from './technical-responses.js';

// A test client (or any caller) listens for uncaught exceptions — Django's
// `got_request_exception` signal, scoped to one request — with a function stored in
// `request.state[GOT_REQUEST_EXCEPTION]` (core's brand constant).

/** Tell the request's listener, if any, about an exception that became a 500. */
function gotRequestException(request: HttpRequest, error: unknown): void {
  const listener = request.state[GOT_REQUEST_EXCEPTION];
  if (typeof listener === 'function') (listener as (error: unknown) => void)(error);
}

/** The status families of the table. */
export type ExceptionStatus = 400 | 403 | 404 | 500;

/** One row of the exception table. */
export interface ExceptionRule {
  /** The error family, for documentation and tests. */
  family: string;
  matches(error: unknown): boolean;
  status: ExceptionStatus;
  /** What debug shows instead of the handler's page, if anything. */
  debugPage: 'technical404' | 'technical500' | 'handler';
  /** The log record written when this rule applies (404s are logged later, generically). */
  log(error: unknown, request: HttpRequest): LogRecord | null;
  /**
   * Whether that record stands for the response too. When false, the handler also logs the
   * generic `"<reason>: <path>"` line, as Django does after a security log (which does not mark
   * the response as logged).
   */
  marksLogged: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name || error.constructor.name : typeof error;
}

/** Django's `response_for_exception` order: the first matching row wins; subclasses match. */
export const EXCEPTION_RULES: readonly ExceptionRule[] = [
  {
    family: 'Http404 (incl. Resolver404)',
    marksLogged: false,
    matches: (error) => Http404.isInstance(error) || Resolver404.isInstance(error),
    status: 404,
    debugPage: 'technical404',
    log: () => null,
  },
  {
    family: 'PermissionDenied',
    marksLogged: true,
    matches: (error) => PermissionDenied.isInstance(error),
    status: 403,
    debugPage: 'handler',
    log: (error, request) => ({
      level: 'warning',
      logger: 'reins.request',
      message: `Forbidden (Permission denied): ${request.path}`,
      error,
      request,
      status: 403,
    }),
  },
  {
    family: 'MultiPartParserError',
    marksLogged: true,
    matches: (error) => MultiPartParserError.isInstance(error),
    status: 400,
    debugPage: 'handler',
    log: (error, request) => ({
      level: 'warning',
      logger: 'reins.request',
      message: `Bad request (Unable to parse request body): ${request.path}`,
      error,
      request,
      status: 400,
    }),
  },
  {
    family: 'BadRequest',
    marksLogged: true,
    matches: (error) => BadRequest.isInstance(error),
    status: 400,
    debugPage: 'technical500',
    log: (error, request) => ({
      level: 'warning',
      logger: 'reins.request',
      message: `${messageOf(error)}: ${request.path}`,
      error,
      request,
      status: 400,
    }),
  },
  {
    family:
      'SuspiciousOperation (DisallowedHost, DisallowedRedirect, RequestDataTooBig, TooManyFieldsSent, …)',
    marksLogged: false,
    matches: (error) => SuspiciousOperation.isInstance(error),
    status: 400,
    debugPage: 'technical500',
    log: (error, request) => ({
      level: 'error',
      logger: `reins.security.${nameOf(error)}`,
      message: messageOf(error),
      error,
      // Django's security logger writes str(exc) without exc_info: one line per bad request.
      withStack: false,
      request,
      status: 400,
    }),
  },
  {
    family: 'anything else',
    marksLogged: true,
    matches: () => true,
    status: 500,
    debugPage: 'technical500',
    log: (error, request) => ({
      level: 'error',
      logger: 'reins.request',
      message: `Internal Server Error: ${request.path}`,
      error,
      request,
      status: 500,
    }),
  },
];

/** The table row for `error`. */
export function ruleForException(error: unknown): ExceptionRule {
  for (const rule of EXCEPTION_RULES) if (rule.matches(error)) return rule;
  return EXCEPTION_RULES[EXCEPTION_RULES.length - 1]!;
}

type Answer = HttpResponseBase | Promise<HttpResponseBase>;

/**
 * Turn `error` into a response for `request`, logging it per the table. Never throws and never
 * rejects: a failing error handler falls back to the 500 path, a failing 500 handler to the
 * built-in 500 page.
 */
export function responseForException(
  context: AppContext,
  request: HttpRequest,
  error: unknown,
): Answer {
  try {
    const rule = ruleForException(error);
    if (rule.status === 500) gotRequestException(request, error);
    if (
      RequestDataTooBig.isInstance(error) ||
      TooManyFieldsSent.isInstance(error) ||
      TooManyFilesSent.isInstance(error)
    ) {
      // As Django: empty the form so the error page cannot trigger the same failure again.
      request.POST = new QueryDict();
      request.FILES = new MultiValueDict();
    }
    const record = rule.log(error, request);
    if (record !== null) safeLog(context, record);
    let answer: Answer;
    if (context.settings.debug && rule.debugPage === 'technical404') {
      answer = technical404Response(context, request, error);
    } else if (context.settings.debug && rule.debugPage === 'technical500') {
      answer = technical500Response(context, request, error, rule.status);
    } else {
      answer = exceptionResponse(context, request, rule.status, error);
    }
    const marked = (response: HttpResponseBase): HttpResponseBase => {
      if (rule.marksLogged) context.loggedResponses.add(response);
      return response;
    };
    if (isThenable<HttpResponseBase>(answer)) {
      return Promise.resolve(answer).then(marked, (failure: unknown) =>
        lastResort(context, request, failure),
      );
    }
    return marked(answer);
  } catch (failure) {
    return lastResort(context, request, failure);
  }
}

/**
 * Django's `get_exception_response`: call the custom handler for `status`, or the default view;
 * if that throws, go down the 500 path (`handle_uncaught_exception`).
 */
function exceptionResponse(
  context: AppContext,
  request: HttpRequest,
  status: ExceptionStatus,
  error: unknown,
): Answer {
  const settings = context.settings;
  const custom =
    status === 404
      ? settings.handler404
      : status === 403
        ? settings.handler403
        : status === 400
          ? settings.handler400
          : undefined;
  const onFailure = (failure: unknown): Answer => uncaughtResponse(context, request, failure);
  try {
    let result: unknown;
    if (status === 500) {
      return serverErrorResponse(context, request);
    } else if (custom !== undefined) {
      result = acrossAwaits(context, request, custom, () => custom(request, error));
    } else {
      result = renderDefaultErrorView(context.templates, status, request, error);
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => ensureRendered(value, custom?.name),
        onFailure,
      );
    }
    return ensureRendered(result, custom?.name);
  } catch (failure) {
    return onFailure(failure);
  }
}

/**
 * Call a custom error handler as the lifecycle calls a view: under `requestContext: 'auto'`, one
 * that awaits keeps the request current across its awaits (for `reverse()` and templates).
 */
function acrossAwaits(
  context: AppContext,
  request: HttpRequest,
  handler: unknown,
  call: () => unknown,
): unknown {
  if (context.settings.requestContext === 'auto' && awaits(handler)) {
    return runWithRequestUntilSettled(request, call);
  }
  return call();
}

/** The 500 path for an error raised while producing an error page. */
function uncaughtResponse(context: AppContext, request: HttpRequest, error: unknown): Answer {
  gotRequestException(request, error);
  safeLog(context, {
    level: 'error',
    logger: 'reins.request',
    message: `Internal Server Error: ${request.path}`,
    error,
    request,
    status: 500,
  });
  const answer = context.settings.debug
    ? technical500Response(context, request, error, 500)
    : serverErrorResponse(context, request);
  if (isThenable<HttpResponseBase>(answer)) {
    return Promise.resolve(answer).then(
      (response) => {
        context.loggedResponses.add(response);
        return response;
      },
      (failure: unknown) => lastResort(context, request, failure),
    );
  }
  context.loggedResponses.add(answer);
  return answer;
}

/** `handler500(request)` or the default 500 view; if that fails, the built-in page. */
function serverErrorResponse(context: AppContext, request: HttpRequest): Answer {
  const custom = context.settings.handler500;
  try {
    const result: unknown =
      custom !== undefined
        ? acrossAwaits(context, request, custom, () => custom(request))
        : renderDefaultErrorView(context.templates, 500, request, null);
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => ensureRendered(value, custom?.name),
        (failure: unknown) => lastResort(context, request, failure),
      );
    }
    return ensureRendered(result, custom?.name);
  } catch (failure) {
    return lastResort(context, request, failure);
  }
}

/** A `TemplateResponse` returned by an error handler is rendered here, as Django force-renders it. */
function ensureRendered(value: unknown, handlerName: string | undefined): Answer {
  if (!HttpResponse.isInstance(value)) {
    throw new TypeError(
      `The error handler ${handlerName ?? '(default)'} didn't return an HttpResponse object. It returned ${value === null ? 'null' : typeof value} instead.`,
    );
  }
  const renderable = value as HttpResponseBase & { render?: () => unknown; isRendered?: boolean };
  if (typeof renderable.render === 'function' && renderable.isRendered === false) {
    return Promise.resolve(renderable.render()).then(() => value);
  }
  return value;
}

/** When even the 500 path failed: log it and answer with the built-in 500 page. */
function lastResort(context: AppContext, request: HttpRequest, failure: unknown): HttpResponseBase {
  safeLog(context, {
    level: 'error',
    logger: 'reins.request',
    message: `Internal Server Error (while rendering the error page): ${request.path}`,
    error: failure,
    request,
    status: 500,
  });
  const response = renderDefaultErrorView(null, 500, request, null) as HttpResponseBase;
  context.loggedResponses.add(response);
  return response;
}

/** Log without ever throwing: a broken logger must not take a request down with it. */
export function safeLog(context: AppContext, record: LogRecord): void {
  try {
    context.logger.log(record);
  } catch {
    // A logger failure is not the request's fault; there is nowhere better to report it.
  }
}
