/**
 * `reins check --deploy`: Django's deployment checks (django/core/checks/security/*.py, 3.2) for
 * the settings reins has, with Django's ids and words in reins' setting names, plus reins' own
 * check of the proxy settings behind a load balancer. Django reads SECURE_HSTS_SECONDS and friends
 * from the settings; in reins they are the options of the middleware in `middleware`, which the
 * built-ins of @reins/middleware carry with them.
 */
import type { CheckMessage } from '@reins/core';
import type { App } from './create-app.js';

// Django 3.2's check_secret_key.
const SECRET_KEY_INSECURE_PREFIX = 'django-insecure-';
const SECRET_KEY_MIN_LENGTH = 50;
const SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5;
const REFERRER_POLICY_VALUES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
const MIDDLEWARE_DESCRIPTION = Symbol.for('reins.middlewareDescription');

interface Described {
  name: string;
  options: Record<string, unknown> | undefined;
}

/** Each middleware's Django name and options, when it tells them (the built-ins do). */
function describeMiddleware(app: App): Described[] {
  return app.settings.middleware.map((middleware) => {
    const description = (middleware as unknown as Record<symbol, unknown>)[
      MIDDLEWARE_DESCRIPTION
    ] as { name: string; options: Record<string, unknown> } | undefined;
    return description ?? { name: middleware.name, options: undefined };
  });
}

function warning(id: string, message: string, pattern: string, hint?: string): CheckMessage {
  return {
    id: `security.${id}`,
    level: 'warning',
    message,
    pattern,
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Django 3.2's rule for a weak `SECRET_KEY` (W009). */
export function isWeakSecretKey(key: string | Uint8Array | null): boolean {
  if (key === null) return true;
  const units: readonly unknown[] = typeof key === 'string' ? [...key] : [...key];
  const text = typeof key === 'string' ? key : '';
  return (
    new Set(units).size < SECRET_KEY_MIN_UNIQUE_CHARACTERS ||
    units.length < SECRET_KEY_MIN_LENGTH ||
    text.startsWith(SECRET_KEY_INSECURE_PREFIX)
  );
}

/**
 * The deployment checks (`reins check --deploy`), run beside {@link App.check}'s.
 *
 * @example
 * const warnings = runDeployChecks(app).map((message) => message.id);
 */
export function runDeployChecks(app: App): CheckMessage[] {
  const settings = app.settings;
  const described = describeMiddleware(app);
  const find = (name: string): Described | undefined =>
    described.find((entry) => entry.name === name);
  const security = find('SecurityMiddleware');
  const xframe = find('XFrameOptionsMiddleware');
  const csrf = find('CsrfViewMiddleware');
  const session = find('SessionMiddleware');
  const messages: CheckMessage[] = [];

  if (security === undefined) {
    messages.push(
      warning(
        'W001',
        "You do not have SecurityMiddleware in your 'middleware', so the hstsSeconds, contentTypeNosniff, browserXssFilter, referrerPolicy and sslRedirect options will have no effect.",
        'middleware',
        'Add SecurityMiddleware (or SecurityMiddleware.with({...})) first in middleware.',
      ),
    );
  } else {
    const options = security.options ?? {};
    const hsts = Number(options['hstsSeconds'] ?? 0);
    if (!hsts) {
      messages.push(
        warning(
          'W004',
          'You have not set a value for the hstsSeconds option of SecurityMiddleware. If your entire site is served only over SSL, you may want to consider setting a value and enabling HTTP Strict Transport Security. Be sure to read the documentation first; enabling HSTS carelessly can cause serious, irreversible problems.',
          'SecurityMiddleware',
        ),
      );
    } else {
      if (options['hstsIncludeSubdomains'] !== true) {
        messages.push(
          warning(
            'W005',
            'You have not set the hstsIncludeSubdomains option of SecurityMiddleware to true. Without this, your site is potentially vulnerable to attack via an insecure connection to a subdomain. Only set this to true if you are certain that all subdomains of your domain should be served exclusively via SSL.',
            'SecurityMiddleware',
          ),
        );
      }
      if (options['hstsPreload'] !== true) {
        messages.push(
          warning(
            'W021',
            'You have not set the hstsPreload option of SecurityMiddleware to true. Without this, your site cannot be submitted to the browser preload list.',
            'SecurityMiddleware',
          ),
        );
      }
    }
    if (options['contentTypeNosniff'] === false) {
      messages.push(
        warning(
          'W006',
          "The contentTypeNosniff option of SecurityMiddleware is not true, so your pages will not be served with an 'X-Content-Type-Options: nosniff' header. You should consider enabling this header to prevent the browser from identifying content types incorrectly.",
          'SecurityMiddleware',
        ),
      );
    }
    if (options['sslRedirect'] !== true) {
      messages.push(
        warning(
          'W008',
          'The sslRedirect option of SecurityMiddleware is not true. Unless your site should be available over both SSL and non-SSL connections, you may want to either set it to true or configure a load balancer or reverse-proxy server to redirect all connections to HTTPS.',
          'SecurityMiddleware',
        ),
      );
    }
    const policy = options['referrerPolicy'];
    if (policy === null) {
      messages.push(
        warning(
          'W022',
          'You have not set the referrerPolicy option of SecurityMiddleware. Without this, your site will not send a Referrer-Policy header. You should consider enabling this header to protect user privacy.',
          'SecurityMiddleware',
        ),
      );
    } else if (policy !== undefined) {
      const values =
        typeof policy === 'string'
          ? policy.split(',').map((value) => value.trim())
          : (policy as readonly string[]);
      if (!values.every((value) => REFERRER_POLICY_VALUES.has(value))) {
        messages.push({
          id: 'security.E023',
          level: 'error',
          message: `You have set the referrerPolicy option of SecurityMiddleware to an invalid value: ${JSON.stringify(policy)}.`,
          hint: `Valid values are: ${[...REFERRER_POLICY_VALUES].sort().join(', ')}.`,
          pattern: 'SecurityMiddleware',
        });
      }
    }
  }

  if (xframe === undefined) {
    messages.push(
      warning(
        'W002',
        "You do not have XFrameOptionsMiddleware in your 'middleware', so your pages will not be served with an 'x-frame-options' header. Unless there is a good reason for your site to be served in a frame, you should consider enabling this header to help prevent clickjacking attacks.",
        'middleware',
      ),
    );
  } else {
    const value = xframe.options?.['xFrameOptions'] ?? 'DENY';
    if (typeof value === 'string' && value.toUpperCase() !== 'DENY') {
      messages.push(
        warning(
          'W019',
          "You have XFrameOptionsMiddleware in your 'middleware', but its xFrameOptions option is not 'DENY'. Unless there is a good reason for your site to serve other parts of itself in a frame, you should change it to 'DENY'.",
          'XFrameOptionsMiddleware',
        ),
      );
    }
  }

  if (csrf === undefined) {
    messages.push(
      warning(
        'W003',
        "You don't appear to be using Django's built-in cross-site request forgery protection via the middleware (CsrfViewMiddleware is not in your 'middleware'). Enabling the middleware is the safest approach to ensure you don't leave any holes.",
        'middleware',
      ),
    );
  } else if (csrf.options?.['cookieSecure'] !== true) {
    messages.push(
      warning(
        'W016',
        "You have CsrfViewMiddleware in your 'middleware', but you have not set its cookieSecure option to true. Using a secure-only CSRF cookie makes it more difficult for network traffic sniffers to steal the CSRF token.",
        'CsrfViewMiddleware',
      ),
    );
  }

  // Django gives W012/W015 when both the sessions app and its middleware are there, as in every
  // startproject; reins has no INSTALLED_APPS, so the middleware stands for both.
  if (session !== undefined) {
    if (settings.sessions.sessionCookieSecure !== true) {
      messages.push(
        warning(
          'W012',
          "'sessionCookieSecure' is not set to true. Using a secure-only session cookie makes it more difficult for network traffic sniffers to hijack user sessions.",
          'sessionCookieSecure',
        ),
      );
    }
    if (settings.sessions.sessionCookieHttpOnly === false) {
      messages.push(
        warning(
          'W015',
          "'sessionCookieHttpOnly' is not set to true. Using an HttpOnly session cookie makes it more difficult for cross-site scripting attacks to hijack user sessions.",
          'sessionCookieHttpOnly',
        ),
      );
    }
  }

  if (isWeakSecretKey(settings.secretKey)) {
    messages.push(
      warning(
        'W009',
        `Your 'secretKey' has less than ${SECRET_KEY_MIN_LENGTH} characters, less than ${SECRET_KEY_MIN_UNIQUE_CHARACTERS} unique characters, or it's prefixed with '${SECRET_KEY_INSECURE_PREFIX}' indicating that it was generated automatically by Django. Please generate a long and random secretKey, otherwise many of the security-critical features will be vulnerable to attack.`,
        'secretKey',
        `Generate one with: node -e "console.log(require('crypto').randomBytes(50).toString('base64url'))"`,
      ),
    );
  }
  if (settings.debug) {
    messages.push(
      warning('W018', "You should not have 'debug' set to true in deployment.", 'debug'),
    );
  }
  if (settings.allowedHosts.length === 0) {
    messages.push(
      warning('W020', "'allowedHosts' must not be empty in deployment.", 'allowedHosts'),
    );
  }

  // reins: the proxy settings trust any peer until trustedProxies names the balancers.
  const proxied =
    settings.secureProxySslHeader !== null ||
    settings.useXForwardedHost ||
    settings.useXForwardedPort;
  if (proxied && settings.trustedProxies === null) {
    messages.push({
      id: 'server.W004',
      level: 'warning',
      message:
        "'secureProxySslHeader', 'useXForwardedHost' or 'useXForwardedPort' is set without 'trustedProxies': a client that reaches the server directly can spoof X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-Port.",
      hint: "List the load balancers, e.g. trustedProxies: ['10.0.0.0/8'], or make sure only they can reach the server.",
      pattern: 'trustedProxies',
    });
  }
  return messages;
}
