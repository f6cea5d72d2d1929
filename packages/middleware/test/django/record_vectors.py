"""Record middleware vectors from real Django (Debian's python3-django, 3.2.25).

Run with /usr/bin/python3 from packages/middleware:
    /usr/bin/python3 test/django/record_vectors.py > test/fixtures/middleware.json

Each case names a middleware, the settings it runs under, a request, and the response the inner
handler gives for a path that resolves (a path that does not resolve gets Django's plain 404), and
records what Django's middleware answered: status, headers, cookies, body, or the error raised.
"""
import base64
import gzip
import hashlib
import json
import re
import sys

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=['testserver', 'www.testserver', 'example.com'],
    ROOT_URLCONF=__name__,
    SECRET_KEY='vectors',
    DEFAULT_CHARSET='utf-8',
)
django.setup()

from django.http import HttpResponse, HttpResponseNotFound, StreamingHttpResponse  # noqa: E402
from django.middleware.clickjacking import XFrameOptionsMiddleware  # noqa: E402
from django.middleware.common import CommonMiddleware  # noqa: E402
from django.middleware.gzip import GZipMiddleware  # noqa: E402
from django.middleware.http import ConditionalGetMiddleware  # noqa: E402
from django.middleware.security import SecurityMiddleware  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402
from django.urls import Resolver404, clear_url_caches, re_path, resolve  # noqa: E402
from django.views.decorators.clickjacking import (  # noqa: E402
    xframe_options_deny, xframe_options_exempt, xframe_options_sameorigin,
)
from django.views.decorators.common import no_append_slash  # noqa: E402


def view(request):
    return HttpResponse('ok')


# The same patterns, as regular expressions, are rebuilt by the TypeScript test's fake resolver.
PATTERNS = [
    ['^$', 'view'],
    ['^hello/$', 'view'],
    ['^noslash$', 'view'],
    ['^api/items/$', 'no_append_slash'],
    ['^caf\u00e9/$', 'view'],
    ['^(.+)/security/$', 'view'],
    ['^needsquoting#/$', 'view'],
    ['^deny/$', 'xframe_options_deny'],
    ['^sameorigin/$', 'xframe_options_sameorigin'],
    ['^exempt/$', 'xframe_options_exempt'],
]
VIEWS = {
    'view': view,
    'no_append_slash': no_append_slash(view),
    'xframe_options_deny': xframe_options_deny(view),
    'xframe_options_sameorigin': xframe_options_sameorigin(view),
    'xframe_options_exempt': xframe_options_exempt(view),
}
urlpatterns = [re_path(regex, VIEWS[name]) for regex, name in PATTERNS]

MIDDLEWARE = {
    'CommonMiddleware': CommonMiddleware,
    'SecurityMiddleware': SecurityMiddleware,
    'XFrameOptionsMiddleware': XFrameOptionsMiddleware,
    'GZipMiddleware': GZipMiddleware,
    'ConditionalGetMiddleware': ConditionalGetMiddleware,
}


def pseudo_random(n):
    """Deterministic incompressible bytes (SHA-256 chain), reproducible in the test."""
    out = b''
    block = b'reins'
    while len(out) < n:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:n]


LONG_TEXT = 'Hello, reins! ' * 40  # 560 bytes, compressible
RANDOM_B64 = base64.b64encode(pseudo_random(500)).decode()


def build_response(spec, request):
    spec = spec or {}
    if 'content_b64' in spec:
        content = base64.b64decode(spec['content_b64'])
    else:
        content = spec.get('content', 'ok').encode()
    if spec.get('streaming'):
        chunks = [c.encode() for c in spec.get('chunks', [])]
        response = StreamingHttpResponse(iter(chunks), status=spec.get('status', 200))
    else:
        response = HttpResponse(content, status=spec.get('status', 200))
    if 'content_type' in spec:
        response['Content-Type'] = spec['content_type']
    for name, value in spec.get('headers', {}).items():
        response[name] = value
    for name, value in spec.get('cookies', {}).items():
        response.set_cookie(name, value)
    return response


def run_case(case):
    factory = RequestFactory()
    req = case['request']
    headers = {'HTTP_' + k.upper().replace('-', '_'): v for k, v in req.get('headers', {}).items()}
    if 'host' in req:
        headers['HTTP_HOST'] = req['host']
    url = req.get('path', '/') + (('?' + req['query']) if req.get('query') else '')
    data = req.get('body', '')
    content_type = req.get('content_type', 'application/octet-stream')
    request = factory.generic(req.get('method', 'GET'), url, data, content_type, secure=req.get('secure', False), **headers)
    if 'raw_path' in req:
        request.path = request.path_info = req['raw_path']
    if 'raw_query' in req:
        request.META['QUERY_STRING'] = req['raw_query']

    def get_response_with_decorators(request):
        try:
            resolve(request.path_info)
        except Resolver404:
            return HttpResponseNotFound('Not Found')
        name = next(n for r, n in PATTERNS if re.search(r, request.path_info[1:]))
        if name == 'view' or name == 'no_append_slash':
            return build_response(case.get('response'), request)
        # Re-decorate a view that returns the case's response.
        decorator = {
            'xframe_options_deny': xframe_options_deny,
            'xframe_options_sameorigin': xframe_options_sameorigin,
            'xframe_options_exempt': xframe_options_exempt,
        }[name]
        return decorator(lambda r: build_response(case.get('response'), r))(request)

    with override_settings(**case.get('settings', {})):
        clear_url_caches()
        names = case['middleware'] if isinstance(case['middleware'], list) else [case['middleware']]
        middleware = get_response_with_decorators
        for name in reversed(names):
            middleware = MIDDLEWARE[name](middleware)
        try:
            response = middleware(request)
        except Exception as exc:  # recorded as the expected error
            return {'error': {'type': type(exc).__name__, 'message': str(exc)}}

    result = {
        'status': response.status_code,
        'headers': [[k, v] for k, v in response.items()],
        'cookies': [m.OutputString() for m in response.cookies.values()],
        'streaming': response.streaming,
    }
    if response.streaming:
        body = b''.join(response.streaming_content)
    else:
        body = response.content
    if response.get('Content-Encoding') == 'gzip':
        result['gzip_length'] = len(body)
        result['gzip_b64'] = base64.b64encode(body).decode()
        body = gzip.decompress(body)
    try:
        result['content'] = body.decode('utf-8')
    except UnicodeDecodeError:
        result['content_b64'] = base64.b64encode(body).decode()
    return result


def c(name, middleware, request=None, response=None, settings=None, note=None):
    case = {'name': name, 'middleware': middleware, 'request': request or {}}
    if response is not None:
        case['response'] = response
    if settings:
        case['settings'] = settings
    if note:
        case['note'] = note
    return case


CASES = [
    # --- CommonMiddleware: APPEND_SLASH ---
    c('append-slash-redirect', 'CommonMiddleware', {'path': '/hello'}),
    c('append-slash-keeps-query', 'CommonMiddleware', {'path': '/hello', 'query': 'a=b+c&d=%2F'}),
    c('append-slash-already-slashed', 'CommonMiddleware', {'path': '/hello/'}),
    c('append-slash-unresolvable', 'CommonMiddleware', {'path': '/nope'}),
    c('append-slash-resolves-without-slash', 'CommonMiddleware', {'path': '/noslash'}),
    c('append-slash-no-append-slash-view', 'CommonMiddleware', {'path': '/api/items'}),
    c('append-slash-disabled', 'CommonMiddleware', {'path': '/hello'}, settings={'APPEND_SLASH': False}),
    c('append-slash-head', 'CommonMiddleware', {'path': '/hello', 'method': 'HEAD'}),
    c('append-slash-post-not-debug', 'CommonMiddleware', {'path': '/hello', 'method': 'POST'}),
    c('append-slash-post-debug', 'CommonMiddleware', {'path': '/hello', 'method': 'POST'}, settings={'DEBUG': True}),
    c('append-slash-put-debug', 'CommonMiddleware', {'path': '/hello', 'method': 'PUT', 'query': 'x=1'}, settings={'DEBUG': True}),
    c('append-slash-patch-debug', 'CommonMiddleware', {'path': '/hello', 'method': 'PATCH'}, settings={'DEBUG': True}),
    c('append-slash-delete-debug', 'CommonMiddleware', {'path': '/hello', 'method': 'DELETE'}, settings={'DEBUG': True}),
    c('append-slash-get-debug', 'CommonMiddleware', {'path': '/hello'}, settings={'DEBUG': True}),
    c('append-slash-quoted', 'CommonMiddleware', {'path': '/caf%C3%A9'}),
    c('append-slash-leading-slashes', 'CommonMiddleware', {'path': '/x', 'raw_path': '//evil.com/security'}),
    c('append-slash-404-from-view', 'CommonMiddleware', {'path': '/hello/'}, response={'status': 404, 'content': 'gone'}),
    c('append-slash-querystring-have-slash', 'CommonMiddleware', {'path': '/hello/', 'query': 'test=1'}),
    c('append-slash-quoted-hash', 'CommonMiddleware', {'path': '/needsquoting%23'}),
    c('append-slash-many-leading-slashes', 'CommonMiddleware', {'path': '/x', 'raw_path': '////evil.com/security'}),
    c('append-slash-non-ascii-query', 'CommonMiddleware', {'path': '/hello', 'raw_query': 'drink=caf\u00e9'}),
    # --- CommonMiddleware: PREPEND_WWW ---
    c('prepend-www', 'CommonMiddleware', {'path': '/hello/'}, settings={'PREPEND_WWW': True}),
    c('prepend-www-append-slash', 'CommonMiddleware', {'path': '/hello'}, settings={'PREPEND_WWW': True}),
    c('prepend-www-unresolvable-keeps-query', 'CommonMiddleware', {'path': '/nope', 'query': 'x=1'}, settings={'PREPEND_WWW': True}),
    c('prepend-www-already-www', 'CommonMiddleware', {'path': '/hello/', 'host': 'www.testserver'}, settings={'PREPEND_WWW': True}),
    c('prepend-www-no-append-slash', 'CommonMiddleware', {'path': '/hello'}, settings={'PREPEND_WWW': True, 'APPEND_SLASH': False}),
    c('prepend-www-secure', 'CommonMiddleware', {'path': '/hello', 'secure': True}, settings={'PREPEND_WWW': True}),
    c('prepend-www-post', 'CommonMiddleware', {'path': '/hello/', 'method': 'POST'}, settings={'PREPEND_WWW': True}),
    # --- CommonMiddleware: user agents, host, Content-Length ---
    c('disallowed-user-agent', 'CommonMiddleware', {'path': '/hello/', 'headers': {'User-Agent': 'an EvilBot/1.0'}}, settings={'DISALLOWED_USER_AGENTS': [re.compile('EvilBot')]}),
    c('allowed-user-agent', 'CommonMiddleware', {'path': '/hello/', 'headers': {'User-Agent': 'Mozilla/5.0'}}, settings={'DISALLOWED_USER_AGENTS': [re.compile('EvilBot')]}),
    c('disallowed-host', 'CommonMiddleware', {'path': '/hello/', 'host': 'evil.example.org'}),
    c('content-length-added', 'CommonMiddleware', {'path': '/hello/'}, response={'content': 'caf\u00e9 \u2603'}),
    c('content-length-kept', 'CommonMiddleware', {'path': '/hello/'}, response={'content': 'abc', 'headers': {'Content-Length': '99'}}),
    c('content-length-not-on-streaming', 'CommonMiddleware', {'path': '/hello/'}, response={'streaming': True, 'chunks': ['a', 'b']}),
    # --- SecurityMiddleware ---
    c('security-defaults', 'SecurityMiddleware', {'path': '/hello/'}),
    c('security-defaults-secure', 'SecurityMiddleware', {'path': '/hello/', 'secure': True}),
    c('security-hsts', 'SecurityMiddleware', {'path': '/hello/', 'secure': True}, settings={'SECURE_HSTS_SECONDS': 3600}),
    c('security-hsts-subdomains-preload', 'SecurityMiddleware', {'path': '/hello/', 'secure': True}, settings={'SECURE_HSTS_SECONDS': 600, 'SECURE_HSTS_INCLUDE_SUBDOMAINS': True, 'SECURE_HSTS_PRELOAD': True}),
    c('security-hsts-insecure', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_HSTS_SECONDS': 3600}),
    c('security-hsts-already-set', 'SecurityMiddleware', {'path': '/hello/', 'secure': True}, response={'headers': {'Strict-Transport-Security': 'max-age=7'}}, settings={'SECURE_HSTS_SECONDS': 3600}),
    c('security-nosniff-off', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_CONTENT_TYPE_NOSNIFF': False}),
    c('security-nosniff-already-set', 'SecurityMiddleware', {'path': '/hello/'}, response={'headers': {'X-Content-Type-Options': 'custom'}}),
    c('security-xss-filter', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_BROWSER_XSS_FILTER': True}),
    c('security-referrer-policy-list', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_REFERRER_POLICY': ['strict-origin', 'no-referrer']}),
    c('security-referrer-policy-string', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_REFERRER_POLICY': 'strict-origin , no-referrer'}),
    c('security-referrer-policy-none', 'SecurityMiddleware', {'path': '/hello/'}, settings={'SECURE_REFERRER_POLICY': None}),
    c('security-referrer-policy-already-set', 'SecurityMiddleware', {'path': '/hello/'}, response={'headers': {'Referrer-Policy': 'unsafe-url'}}),
    c('security-ssl-redirect', 'SecurityMiddleware', {'path': '/some/url', 'query': 'query=string'}, settings={'SECURE_SSL_REDIRECT': True}),
    c('security-ssl-redirect-secure', 'SecurityMiddleware', {'path': '/some/url', 'secure': True}, settings={'SECURE_SSL_REDIRECT': True}),
    c('security-ssl-redirect-host', 'SecurityMiddleware', {'path': '/some/url'}, settings={'SECURE_SSL_REDIRECT': True, 'SECURE_SSL_HOST': 'secure.example.com'}),
    c('security-ssl-redirect-exempt', 'SecurityMiddleware', {'path': '/insecure/page'}, settings={'SECURE_SSL_REDIRECT': True, 'SECURE_REDIRECT_EXEMPT': ['^insecure/']}),
    c('security-ssl-redirect-not-exempt', 'SecurityMiddleware', {'path': '/secure/insecure/page'}, settings={'SECURE_SSL_REDIRECT': True, 'SECURE_REDIRECT_EXEMPT': ['^insecure/']}),
    c('security-ssl-redirect-off', 'SecurityMiddleware', {'path': '/some/url'}),
    # --- XFrameOptionsMiddleware ---
    c('xframe-default-deny', 'XFrameOptionsMiddleware', {'path': '/hello/'}),
    c('xframe-sameorigin-setting', 'XFrameOptionsMiddleware', {'path': '/hello/'}, settings={'X_FRAME_OPTIONS': 'sameorigin'}),
    c('xframe-already-set', 'XFrameOptionsMiddleware', {'path': '/hello/'}, response={'headers': {'X-Frame-Options': 'ALLOW-FROM https://x'}}),
    c('xframe-exempt-view', 'XFrameOptionsMiddleware', {'path': '/exempt/'}),
    c('xframe-deny-view', 'XFrameOptionsMiddleware', {'path': '/deny/'}, settings={'X_FRAME_OPTIONS': 'SAMEORIGIN'}),
    c('xframe-sameorigin-view', 'XFrameOptionsMiddleware', {'path': '/sameorigin/'}),
    c('xframe-on-404', 'XFrameOptionsMiddleware', {'path': '/nope'}),
    # --- GZipMiddleware ---
    c('gzip-compresses', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip, deflate'}}, response={'content': LONG_TEXT}),
    c('gzip-short-body', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': 'short'}),
    c('gzip-199-bytes', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': 'a' * 199}),
    c('gzip-200-bytes', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': 'a' * 200}),
    c('gzip-not-accepted', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'deflate, br'}}, response={'content': LONG_TEXT}),
    c('gzip-no-accept-encoding', 'GZipMiddleware', {'path': '/hello/'}, response={'content': LONG_TEXT}),
    c('gzip-word-boundary', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'xgzip'}}, response={'content': LONG_TEXT}),
    c('gzip-q-zero-still-compresses', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip;q=0'}}, response={'content': LONG_TEXT}),
    c('gzip-already-encoded', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'Content-Encoding': 'br'}}),
    c('gzip-incompressible', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content_b64': RANDOM_B64, 'content_type': 'application/octet-stream'}),
    c('gzip-strong-etag-weakened', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'ETag': '"abc"'}}),
    c('gzip-weak-etag-kept', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'ETag': 'W/"abc"'}}),
    c('gzip-vary-appended', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'Vary': 'Cookie'}}),
    c('gzip-vary-already-there', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'Vary': 'accept-encoding'}}),
    c('gzip-vary-star', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'headers': {'Vary': '*'}}),
    c('gzip-streaming', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'streaming': True, 'chunks': [LONG_TEXT, 'tail', LONG_TEXT]}),
    c('gzip-non-200', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'content': LONG_TEXT, 'status': 404}),
    c('gzip-streaming-unicode', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'streaming': True, 'chunks': ['caf\u00e9 \u2603 ' * 30, 'fin']}),
    c('gzip-then-conditional-etag-match', ['GZipMiddleware', 'ConditionalGetMiddleware'], {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip', 'If-None-Match': 'W/"8fa4446f3c7d4e44336915fe6f307c87"'}}, response={'content': LONG_TEXT}),
    c('gzip-then-conditional-etag-miss', ['GZipMiddleware', 'ConditionalGetMiddleware'], {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip', 'If-None-Match': 'W/"other"'}}, response={'content': LONG_TEXT}),
    c('gzip-streaming-short', 'GZipMiddleware', {'path': '/hello/', 'headers': {'Accept-Encoding': 'gzip'}}, response={'streaming': True, 'chunks': ['a']}),
    # --- ConditionalGetMiddleware ---
    c('cond-etag-added', 'ConditionalGetMiddleware', {'path': '/hello/'}, response={'content': 'content'}),
    c('cond-if-none-match-hit', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"9a0364b9e99bb480dd25e1f0284c8555"'}}, response={'content': 'content', 'headers': {'Cache-Control': 'max-age=60', 'Vary': 'Cookie', 'X-Other': 'dropped'}, 'cookies': {'key': 'value'}}),
    c('cond-if-none-match-weak-hit', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': 'W/"9a0364b9e99bb480dd25e1f0284c8555"'}}, response={'content': 'content'}),
    c('cond-if-none-match-list', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"other", "9a0364b9e99bb480dd25e1f0284c8555"'}}, response={'content': 'content'}),
    c('cond-if-none-match-star', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '*'}}, response={'content': 'content'}),
    c('cond-if-none-match-miss', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"other"'}}, response={'content': 'content'}),
    c('cond-if-none-match-malformed', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': 'unquoted'}}, response={'content': 'content'}),
    c('cond-weak-response-etag', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"x"'}}, response={'content': 'content', 'headers': {'ETag': 'W/"x"'}}),
    c('cond-unquoted-response-etag', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"x"'}}, response={'content': 'content', 'headers': {'ETag': 'x'}}),
    c('cond-if-modified-since-equal', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 12 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-newer', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 12 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:41:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-rfc850', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Saturday, 12-Feb-11 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-asctime', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat Feb 12 17:38:44 2011'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-invalid', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'yesterday'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-bad-day', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 31 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-none-match-beats-modified-since', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"other"', 'If-Modified-Since': 'Sat, 12 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT'}}),
    c('cond-if-match-fail', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Match': '"other"'}}, response={'content': 'content'}),
    c('cond-if-match-pass', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Match': '"9a0364b9e99bb480dd25e1f0284c8555"'}}, response={'content': 'content'}),
    c('cond-if-match-weak-fails', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Match': 'W/"x"'}}, response={'content': 'content', 'headers': {'ETag': 'W/"x"'}}),
    c('cond-if-match-star', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Match': '*'}}, response={'content': 'content'}),
    c('cond-if-unmodified-since-fail', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Unmodified-Since': 'Sat, 12 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:41:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-unmodified-since-pass', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Unmodified-Since': 'Sat, 12 Feb 2011 17:41:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:38:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-no-store-no-etag', 'ConditionalGetMiddleware', {'path': '/hello/'}, response={'content': 'content', 'headers': {'Cache-Control': 'private, No-Store'}}),
    c('cond-post-untouched', 'ConditionalGetMiddleware', {'path': '/hello/', 'method': 'POST', 'headers': {'If-None-Match': '*'}}, response={'content': 'content'}),
    c('cond-head-untouched', 'ConditionalGetMiddleware', {'path': '/hello/', 'method': 'HEAD', 'headers': {'If-None-Match': '*'}}, response={'content': 'content'}),
    c('cond-non-2xx', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"9a0364b9e99bb480dd25e1f0284c8555"'}}, response={'content': 'content', 'status': 404}),
    c('cond-wont-overwrite-etag', 'ConditionalGetMiddleware', {'path': '/hello/'}, response={'content': 'content', 'headers': {'ETag': 'eggs'}}),
    c('cond-etag-extended-cache-control', 'ConditionalGetMiddleware', {'path': '/hello/'}, response={'content': 'content', 'headers': {'Cache-Control': 'my-directive="my-no-store"'}}),
    c('cond-if-none-match-and-redirect', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"spam"'}}, response={'content': '', 'status': 301, 'headers': {'ETag': '"spam"', 'Location': '/'}}),
    c('cond-if-none-match-and-client-error', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '"spam"'}}, response={'content': '', 'status': 400, 'headers': {'ETag': '"spam"'}}),
    c('cond-if-modified-since-no-last-modified', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 12 Feb 2011 17:38:44 GMT'}}, response={'content': 'c', 'headers': {'Cache-Control': 'no-store'}}),
    c('cond-last-modified-in-the-past', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 12 Feb 2011 17:41:44 GMT'}}, response={'content': 'c', 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:35:44 GMT', 'Cache-Control': 'no-store'}}),
    c('cond-if-modified-since-and-redirect', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-Modified-Since': 'Sat, 12 Feb 2011 17:41:44 GMT'}}, response={'content': '', 'status': 301, 'headers': {'Last-Modified': 'Sat, 12 Feb 2011 17:35:44 GMT', 'Location': '/'}}),
    c('cond-empty-body', 'ConditionalGetMiddleware', {'path': '/hello/'}, response={'content': ''}),
    c('cond-streaming', 'ConditionalGetMiddleware', {'path': '/hello/', 'headers': {'If-None-Match': '*'}}, response={'streaming': True, 'chunks': ['a']}),
]


def main():
    out = {
        'generated_by': 'packages/middleware/test/django/record_vectors.py with Django %s' % django.get_version(),
        'patterns': PATTERNS,
        'long_text': LONG_TEXT,
        'cases': [],
    }
    for case in CASES:
        settings_json = {k: ([p.pattern for p in v] if k == 'DISALLOWED_USER_AGENTS' else v) for k, v in case.get('settings', {}).items()}
        recorded = dict(case)
        recorded['settings'] = settings_json
        recorded['expected'] = run_case(case)
        out['cases'].append(recorded)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
