/**
 * Views log what Django logs on `django.request` (`Method Not Allowed (POST): /path`,
 * `Gone: /path`) through the logger of the application serving the request (`request.app`, set
 * by `@reins/server`), so each application's records reach its own logger. A request no
 * application serves (a unit test calling a view directly) has no logger: nothing is logged.
 */
import { markResponseLogged, type HttpRequest, type HttpResponseBase } from '@reins/http';

/**
 * Log a `reins.request` warning about `request` to its application's logger, and mark
 * `response` as logged so the handler does not log it again (Django's `_has_been_logged`).
 */
export function logRequestWarning<R extends HttpResponseBase>(
  message: string,
  request: HttpRequest,
  response: R,
): R {
  request.app?.logger.log({
    level: 'warning',
    logger: 'reins.request',
    message,
    request,
    status: response.status,
  });
  return markResponseLogged(response);
}
