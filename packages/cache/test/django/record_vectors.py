"""Record Django 3.2's cache behaviour as vectors for @reins/cache's tests.

Run from the repository root with Debian's Django 3.2:
    /usr/bin/python3 packages/cache/test/django/record_vectors.py > packages/cache/test/fixtures/django-cache.json

USE_I18N and USE_TZ are off: reins has no active language or time zone to append to page keys.
"""
import json
import sys

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=['*'],
    USE_I18N=False,
    USE_TZ=False,
    CACHES={'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}},
    CACHE_MIDDLEWARE_SECONDS=600,
    CACHE_MIDDLEWARE_KEY_PREFIX='',
)
django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.cache.backends.base import default_key_func, memcache_key_warnings  # noqa: E402
from django.core.cache.utils import make_template_fragment_key  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils.cache import (  # noqa: E402
    add_never_cache_headers, get_cache_key, get_max_age, learn_cache_key, patch_cache_control,
    patch_response_headers, patch_vary_headers,
)
from django.views.decorators.cache import cache_page  # noqa: E402

factory = RequestFactory()


def request(method, path, host='testserver', secure=False, headers=None):
    meta = {'HTTP_HOST': host}
    for name, value in (headers or {}).items():
        meta['HTTP_' + name.upper().replace('-', '_')] = value
    req = factory.generic(method, path, secure=secure, **meta)
    # RequestFactory always sends an empty Cookie header; a real client without cookies sends none.
    if 'HTTP_COOKIE' not in meta:
        del req.META['HTTP_COOKIE']
    return req


def response_with(headers):
    response = HttpResponse('body')
    for name, value in headers.items():
        response.headers[name] = value
    return response


vectors = {'django': django.get_version()}

# --- patch_cache_control ---------------------------------------------------------------------
cases = []
for initial, kwargs in [
    (None, {'max_age': 60}),
    (None, {'public': True}),
    (None, {'no_cache': True, 'no_store': True, 'must_revalidate': True, 'private': True}),
    ('max-age=300', {'max_age': 60}),
    ('max-age=30', {'max_age': 60}),
    ('private', {'public': True}),
    ('public', {'private': True}),
    ('public, max-age=10', {'s_maxage': 20}),
    ('no-cache="Set-Cookie"', {'no_cache': True}),
    ('no-cache', {'no_cache': 'Set-Cookie'}),
    ('Max-Age=5, PUBLIC', {'max_age': 10}),
    ('max-age=5,must-revalidate', {'no_transform': True}),
    ('', {'max_age': 1}),
    ('custom=value', {'custom': 'other', 'stale_while_revalidate': 30}),
    (None, {'immutable': True, 'max_age': 0}),
]:
    response = HttpResponse()
    if initial is not None:
        response.headers['Cache-Control'] = initial
    patch_cache_control(response, **kwargs)
    cases.append({'initial': initial, 'kwargs': kwargs, 'result': response.headers['Cache-Control']})
vectors['patch_cache_control'] = cases

# --- get_max_age -----------------------------------------------------------------------------
cases = []
for header in [None, 'max-age=60', 'public, max-age=3600', 'max-age=abc', 'max-age', 'MAX-AGE=7',
               'no-cache', 'max-age=1, max-age=2', 's-maxage=10']:
    response = HttpResponse()
    if header is not None:
        response.headers['Cache-Control'] = header
    cases.append({'header': header, 'result': get_max_age(response)})
vectors['get_max_age'] = cases

# --- patch_vary_headers ----------------------------------------------------------------------
cases = []
for initial, new in [
    (None, ['Accept-Encoding']),
    ('Accept-Encoding', ['accept-encoding']),
    ('Accept-Encoding', ['Cookie', 'Accept-Language']),
    ('Cookie,  Accept-Encoding', ['Cookie']),
    ('Cookie', ['*']),
    ('*', ['Cookie']),
    (None, ['Cookie', 'cookie']),
    ('', ['Cookie']),
]:
    response = HttpResponse()
    if initial is not None:
        response.headers['Vary'] = initial
    patch_vary_headers(response, new)
    cases.append({'initial': initial, 'new': new, 'result': response.headers['Vary']})
vectors['patch_vary_headers'] = cases

# --- patch_response_headers / add_never_cache_headers (Cache-Control; Expires presence) -------
cases = []
for initial, timeout in [({}, 60), ({}, -5), ({'Cache-Control': 'max-age=10'}, 60),
                         ({'Expires': 'Thu, 01 Jan 1970 00:00:00 GMT'}, 30), ({}, None)]:
    response = response_with(initial)
    patch_response_headers(response, timeout)
    cases.append({'initial': initial, 'timeout': timeout, 'cache_control': response.headers['Cache-Control'],
                  'expires_kept': response.headers.get('Expires') == initial.get('Expires')})
vectors['patch_response_headers'] = cases
response = HttpResponse()
add_never_cache_headers(response)
vectors['add_never_cache_headers'] = {'cache_control': response.headers['Cache-Control']}

# --- page-cache keys across Vary combinations -------------------------------------------------
cases = []
requests = [
    ('GET', '/articles/', 'testserver', False, {}),
    ('GET', '/articles/?page=2&q=caf%C3%A9', 'example.com', False, {'Accept-Encoding': 'gzip'}),
    ('HEAD', '/articles/', 'example.com:8000', True, {'Cookie': 'sessionid=abc', 'Accept-Language': 'fr'}),
    ('GET', '/caf\u00e9/', 'testserver', False, {'User-Agent': 'Mozilla/5.0 \u00e9', 'Accept-Encoding': 'br'}),
    ('POST', '/articles/', 'testserver', False, {'Cookie': 'a=b'}),
]
varies = [None, 'Accept-Encoding', 'Cookie', 'Accept-Encoding, Cookie', 'cookie,ACCEPT-LANGUAGE',
          'User-Agent, Accept-Encoding, Cookie', 'X-Custom']
for prefix in ['', 'site1']:
    for method, path, host, secure, headers in requests:
        for vary in varies:
            cache = caches['default']
            cache.clear()
            req = request(method, path, host, secure, headers)
            response = response_with({'Vary': vary} if vary else {})
            learnt = learn_cache_key(req, response, 60, prefix, cache=cache)
            cases.append({
                'method': method, 'path': path, 'host': host, 'secure': secure, 'headers': headers,
                'vary': vary, 'key_prefix': prefix,
                'absolute_uri': req.build_absolute_uri(),
                'learnt': learnt,
                'get': get_cache_key(req, prefix, 'GET', cache=cache),
                'head': get_cache_key(req, prefix, 'HEAD', cache=cache),
                'header_key_value': cache.get(
                    'views.decorators.cache.cache_header.%s.%s' % (
                        prefix, __import__('hashlib').md5(req.build_absolute_uri().encode('ascii')).hexdigest())),
            })
vectors['cache_keys'] = cases

# --- which responses cache_page keeps -----------------------------------------------------------
cases = []
for name, method, status, headers, cookie, request_cookie in [
    ('plain 200', 'GET', 200, {}, None, None),
    ('HEAD', 'HEAD', 200, {}, None, None),
    ('POST', 'POST', 200, {}, None, None),
    ('404', 'GET', 404, {}, None, None),
    ('304', 'GET', 304, {}, None, None),
    ('private', 'GET', 200, {'Cache-Control': 'private'}, None, None),
    ('max-age=0', 'GET', 200, {'Cache-Control': 'max-age=0'}, None, None),
    ('max-age=30', 'GET', 200, {'Cache-Control': 'max-age=30'}, None, None),
    ('cookie set, no Vary', 'GET', 200, {}, 'theme', None),
    ('cookie set, Vary Cookie', 'GET', 200, {'Vary': 'Cookie'}, 'theme', None),
    ('Vary Cookie, no cookie set', 'GET', 200, {'Vary': 'Cookie'}, None, 'sessionid=1'),
    ('Vary Accept-Encoding', 'GET', 200, {'Vary': 'Accept-Encoding'}, None, None),
]:
    for page_timeout in [60, None]:
        caches['default'].clear()
        calls = []

        def view(req, status=status, headers=headers, cookie=cookie):
            calls.append(1)
            response = HttpResponse('content %d' % len(calls), status=status)
            for key, value in headers.items():
                response.headers[key] = value
            if cookie:
                response.set_cookie(cookie, 'dark')
            return response

        if page_timeout is None:
            from django.middleware.cache import CacheMiddleware
            from django.utils.decorators import decorator_from_middleware_with_args
            wrapped = decorator_from_middleware_with_args(CacheMiddleware)()(view)
        else:
            wrapped = cache_page(page_timeout)(view)
        extra = {'Cookie': request_cookie} if request_cookie else {}
        first = wrapped(request(method, '/page/', headers=extra))
        second = wrapped(request(method, '/page/', headers=extra))
        cases.append({
            'name': name, 'method': method, 'status': status, 'headers': headers, 'cookie': cookie,
            'request_cookie': request_cookie, 'page_timeout': page_timeout,
            'view_calls': len(calls),
            'cache_control': first.headers.get('Cache-Control'),
            'expires_set': 'Expires' in first,
            'second_body': second.content.decode(),
        })
vectors['cache_page'] = cases

# --- keys: default key function, warnings, fragment keys ---------------------------------------
vectors['make_key'] = [
    {'key': key, 'prefix': prefix, 'version': version, 'result': default_key_func(key, prefix, version)}
    for key, prefix, version in [('k', '', 1), ('k', 'site', 2), ('a:b', 'p', 10), ('caf\u00e9', '', 1)]
]
vectors['key_warnings'] = [
    {'key': key, 'warnings': list(memcache_key_warnings(key))}
    for key in [':1:ok', ':1:has space', ':1:tab\there', ':1:del\x7f', ':1:' + 'x' * 247, ':1:' + 'x' * 248,
                ':1:' + '\u00e9' * 247, ':1:new\nline', ":1:it's"]
]
vectors['fragment_keys'] = [
    {'name': name, 'vary_on': vary_on, 'result': make_template_fragment_key(name, vary_on)}
    for name, vary_on in [
        ('sidebar', None), ('sidebar', []), ('sidebar', ['alice']), ('sidebar', ['alice', 'fr']),
        ('sidebar', [1, 2.5]), ('menu', ['caf\u00e9', None, True, False]), ('a.b', ['x:y', ':']),
    ]
]

json.dump(vectors, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write('\n')
