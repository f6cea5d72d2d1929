"""Record Django's answers to every known open-redirect bypass shape, for
test/safe-url-bypasses.test.ts.

Run with Debian's python3-django (Django 3.2.25 on Python 3.11):
    /usr/bin/python3 test/differential/safe-url-bypasses.py > test/fixtures/django-safe-url-bypasses.json

Two answers per input and mode:
- `django32`: Django 3.2.25 as installed. Its `_urlsplit` is a private copy of an old stdlib
  `urlsplit` that does not remove tab/CR/LF (bpo-43882), so it accepts "/\\t/example.com".
- `django52`: the same `url_has_allowed_host_and_scheme` with its private `_urlparse` replaced by
  the standard library's `urlparse`, which is what Django 4.0+ (and 5.2) call: Python 3.11's
  `urlsplit` removes tab/CR/LF first, as browsers and WHATWG URL do. reins gives this answer.
Sources of the shapes: Django's security advisories for is_safe_url/url_has_allowed_host_and_scheme
(CVE-2013-6044, CVE-2014-3730, CVE-2015-0220, CVE-2015-2317, CVE-2016-2512, CVE-2017-7233,
CVE-2018-14574), Express's open-redirect advisories (CVE-2024-29041 res.location/redirect with
backslash and %5C credentials, CVE-2015-1164 serve-static "//host/%2e%2e"), and issue 19.
"""
import json
import sys
import urllib.parse

import django
import django.utils.http as http

ALLOWED = {'example.com', 'example.com:8000'}

SHAPES = [
    # issue 19: characters the stdlib removes and browsers ignore
    '/\t/evil.com', '/\r/evil.com', '/\n/evil.com', '\t/\t/evil.com', '/\t\t/evil.com',
    'java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\rscript:alert(1)',
    'jav\r\nascript:alert(1)', 'ht\ttp://evil.com', 'http:/\t/evil.com', 'https:\t//evil.com',
    'http://evil\t.com', 'http://example.com\t@evil.com', '/\\\t/evil.com', '\\\t\\evil.com',
    '/x\t/y', '/ok\n', 'https://example.com/\t',
    # CVE-2013-6044 and friends: dangerous schemes
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'javascript://example.com/%0Aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'mailto:a@evil.com', 'ftp://example.com/', 'ftp://evil.com/',
    # CVE-2014-3730: backslashes
    '\\\\evil.com', '\\/evil.com', '/\\evil.com', '\\\\\\evil.com', 'http:\\\\evil.com',
    'http:/\\/evil.com', 'http:\\/evil.com', 'https:/\\evil.com', '/\\/evil.com',
    # three slashes, scheme without host
    '///evil.com', '////evil.com', 'http:///evil.com', 'https:///evil.com', 'http:/evil.com',
    'http:evil.com', 'https:evil.com', 'HTTP:///evil.com',
    # CVE-2015-0220 / CVE-2015-2317: leading whitespace and control characters
    ' //evil.com', '\t//evil.com', '\n//evil.com', '\x00//evil.com', '\x01http://evil.com',
    '\x08//evil.com', '\x0b//evil.com', '\x1f//evil.com', '\x7f//evil.com', '\u200b//evil.com',
    '\ufeff//evil.com', '\u3000//evil.com', '\u2028//evil.com', '\xa0//evil.com',
    # CVE-2016-2512: credentials
    'http://evil.com\\@example.com', 'http://example.com\\@evil.com', 'https://example.com@evil.com',
    'http://evil.com@example.com', 'http://example.com:80@evil.com', 'http://example.com:8000@evil.com',
    '//example.com@evil.com', '//evil.com@example.com', 'http://:@evil.com',
    # CVE-2017-7233: numeric and scheme-only forms
    'http:999999999', 'https:999999999', 'ftp:9999999999', '1http://evil.com', '8080:evil.com',
    # CVE-2018-14574: scheme-relative
    '//evil.com', '//evil.com/', '//evil.com/%2e%2e', '//evil.com/%2f..', '//example.com/',
    # CVE-2024-29041 (Express): encoded backslash and credentials
    'http://example.com%5C@evil.com', 'http://evil.com%5C@example.com', '//evil.com%5C@example.com',
    'http://evil.com%5c%5c@example.com', '/%5Cevil.com', '/%2F/evil.com', '%2F%2Fevil.com',
    '/%09/evil.com', 'http://example.com%2F@evil.com',
    # host confusion
    'http://example.com.evil.com', 'http://evil.com/example.com', 'http://evil.com#@example.com',
    'http://evil.com?@example.com', 'http://EXAMPLE.COM/', 'http://example.com:8000/',
    'http://example.com:8001/', 'http://[::1/', 'http://]evil.com[', 'http://[::1]/',
    'http://evil。com', 'http://ex\u2100ample.com',
    # safe ones
    '/', '/path/', '/path/?next=//evil.com', 'path/relative', '?q=1', '#frag', 'HTTP://example.com/ok',
    'https://example.com/', '//example.com:8000/x', 'http://example.com/\\@evil.com',
]


def answer(url, require_https):
    return http.url_has_allowed_host_and_scheme(url, ALLOWED, require_https=require_https)


def main():
    cases = []
    for url in SHAPES:
        row = {'input': url}
        row['django32'] = [answer(url, False), answer(url, True)]
        private = http._urlparse
        http._urlparse = urllib.parse.urlparse
        try:
            row['django52'] = [answer(url, False), answer(url, True)]
        finally:
            http._urlparse = private
        cases.append(row)
    json.dump({
        'generated_by': f'Django {django.get_version()} on Python {sys.version.split()[0]}',
        'allowed_hosts': sorted(ALLOWED),
        'cases': cases,
    }, sys.stdout, indent=1, ensure_ascii=True)
    sys.stdout.write('\n')


main()
