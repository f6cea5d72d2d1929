/** Django's `SECURE_*` settings and the SecurityMiddleware option each one is, for the replays of Django's answers. */
export const SECURITY_OPTIONS: Record<string, string> = {
  SECURE_HSTS_SECONDS: 'hstsSeconds',
  SECURE_HSTS_INCLUDE_SUBDOMAINS: 'hstsIncludeSubdomains',
  SECURE_HSTS_PRELOAD: 'hstsPreload',
  SECURE_CONTENT_TYPE_NOSNIFF: 'contentTypeNosniff',
  SECURE_BROWSER_XSS_FILTER: 'browserXssFilter',
  SECURE_SSL_REDIRECT: 'sslRedirect',
  SECURE_SSL_HOST: 'sslHost',
  SECURE_REDIRECT_EXEMPT: 'redirectExempt',
  SECURE_REFERRER_POLICY: 'referrerPolicy',
};
