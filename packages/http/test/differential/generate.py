"""Record Django's answers for random inputs, for test/differential.test.ts.

Run with Debian's python3-django (Django 3.2.25):
    /usr/bin/python3 test/differential/generate.py > test/fixtures/django-differential.json
Inputs are random strings over small alphabets chosen to hit the edge cases (escapes, invalid
UTF-8, quotes, brackets, control characters); the seed makes the file reproducible.
"""
import json
import random
from urllib.parse import unquote

import django
from django.conf import settings

ALLOWED_HOSTS = ['example.com', '.example.org', '127.0.0.1', '[::1]']
settings.configure(ALLOWED_HOSTS=ALLOWED_HOSTS, DATA_UPLOAD_MAX_NUMBER_FIELDS=None, SECRET_KEY='x')
django.setup()

from django.http import HttpResponse, HttpResponseRedirect, QueryDict  # noqa: E402
from django.http.cookie import parse_cookie  # noqa: E402
from django.http.request import split_domain_port, validate_host  # noqa: E402
from django.utils.encoding import escape_uri_path, iri_to_uri, repercent_broken_unicode  # noqa: E402
from django.utils.http import url_has_allowed_host_and_scheme  # noqa: E402

random.seed(20261121)
N = 400


def strings(alphabet, maxlen):
    return [''.join(random.choice(alphabet) for _ in range(random.randint(0, maxlen))) for _ in range(N)]


def host_ok(host):
    domain, _port = split_domain_port(host)
    return bool(domain and validate_host(domain, ALLOWED_HOSTS))


def path_info(raw):
    # What a WSGI server and Django make of a request-target path.
    return repercent_broken_unicode(unquote(raw, 'iso-8859-1').encode('iso-8859-1')).decode() or '/'


def set_cookie(value):
    response = HttpResponse()
    try:
        response.set_cookie('k', value)
    except Exception as error:  # noqa: BLE001
        return 'error: ' + type(error).__name__
    return response.cookies['k'].OutputString()


def redirect(url):
    try:
        return HttpResponseRedirect(url)['Location']
    except Exception as error:  # noqa: BLE001
        return 'error: ' + type(error).__name__


out = {'generated_by': 'Django ' + django.get_version() + ' (test/differential/generate.py)'}
out['querystring'] = [
    [s, list(QueryDict(s).lists())]
    for s in strings(['%', 'a', 'F', 'z', '0', '9', '&', '=', '+', 'é', ';', ' ', '%2', '%E2%98', '%83', '%FF', '%C3', '%A9', '%00'], 12)
]
out['safe_url'] = [
    [u, url_has_allowed_host_and_scheme(u, {'example.com'}), url_has_allowed_host_and_scheme(u, {'example.com'}, require_https=True)]
    for u in strings(['/', '\\', ':', 'http', 'https', 'ftp', 'javascript', 'example.com', 'evil.com', '@', '?', '#', '[', ']', '::1', ' ', '\t', '\x08', '%2F', 'é', 'ｅ', '//', '///', ':443', 'EXAMPLE.COM', '\n'], 6)
]
out['cookies'] = [[c, parse_cookie(c)] for c in strings(['a', '=', ';', ' ', '"', '\\', '\\"', '\\073', '\\1', 'b', 'é', ',', '$', '\t'], 10)]
out['host'] = [[h, host_ok(h)] for h in strings(['example.com', 'EXAMPLE', '.', ':', '8000', '[', ']', '::1', 'a', '-', '_', ' ', 'example.org', '@', '127.0.0.1', 'é'], 5)]
out['path'] = [
    [p, path_info(p)]
    for p in ('/' + s for s in strings(['%', '2', 'F', 'C3', 'A9', 'E2', '98', 'FF', 'ED', 'A0', '80', 'F0', '9F', '/', 'a', 'zz', '%C3%A9', '%F0%9F%98%80', '%ED%A0%80', '%25', '%2F', '+'], 12))
]
out['set_cookie'] = [[v, set_cookie(v)] for v in strings(['a', ' ', ';', '"', '\\', ',', '\t', 'é', '\x7f', '=', '(', '/', '[', '{', '?', ':', '~'], 6)]
out['uri'] = [
    [u, iri_to_uri(u), escape_uri_path(u), redirect(u)]
    for u in strings(['/', 'é', ' ', '%', '%20', '#', '?', '&', '=', '[', ']', '\\', ':', 'javascript', 'http', 'data', 'ftp', '\t', '\n', '\r', '\x00', '\x08', '+', '1', '//', "'", '!', '*', '~', '\U0001F600'], 6)
]
print(json.dumps(out, ensure_ascii=True))
