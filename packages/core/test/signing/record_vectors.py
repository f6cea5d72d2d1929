#!/usr/bin/python3
"""Record Django 3.2's signing answers into fixtures/django-signing.json (and the signed-cookie
answers into packages/http/test/fixtures/django-signed-cookies.json).

Run with Debian's Python, which has Django 3.2 installed:

    /usr/bin/python3 packages/core/test/signing/record_vectors.py

Every vector is recomputed from real Django (`django.core.signing`, `HttpResponse.set_signed_cookie`,
`HttpRequest.get_signed_cookie`); `time.time` is patched so timestamps are fixed. The output is
deterministic, so re-running it leaves the fixture unchanged.
"""
import json
import os
import sys
from unittest import mock

import django
from django.conf import settings

settings.configure(
    SECRET_KEY='django-insecure-reins-signing-vectors',
    DEFAULT_HASHING_ALGORITHM='sha256',
    ALLOWED_HOSTS=['testserver'],
)
django.setup()

from django.core import signing  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.utils import baseconv  # noqa: E402
import datetime  # noqa: E402

assert django.VERSION[:2] == (3, 2), django.VERSION

KEYS = ['secret', 'django-insecure-reins-signing-vectors', 'cl\u00e9 \U0001f511', 'k' * 200]
SALTS = [None, '', 'salt', 's\u00e2lt \u2603']
VALUES = ['', 'hello', 'a:b:c', 'value with spaces', 'h\u00e9llo \u2603 \U0001f600', 'x' * 300]
NOW = 1700000000  # 2023-11-14T22:13:20Z
LATER = [NOW, NOW + 10.5, NOW + 100.25, NOW + 86400.75]


def error(exc):
    return {'type': type(exc).__name__, 'message': str(exc)}


def at(now):
    # time.time() always returns a float (an int would print 'age 0' instead of 'age 0.0').
    return mock.patch('time.time', return_value=float(now))


def max_age_json(max_age):
    if isinstance(max_age, datetime.timedelta):
        return {'seconds': max_age.total_seconds()}
    return max_age


def python_max_age(max_age):
    if isinstance(max_age, dict):
        return datetime.timedelta(seconds=max_age['seconds'])
    return max_age


out = {
    'django': django.get_version(),
    'defaultKey': settings.SECRET_KEY,
}

# Signer.sign over keys × salts × values × separators × algorithms.
signer = []
for key in KEYS:
    for salt in SALTS:
        for value in VALUES:
            signer.append({'key': key, 'salt': salt, 'sep': ':', 'algorithm': None,
                           'value': value, 'signed': signing.Signer(key, salt=salt).sign(value)})
for sep in ['/', '.', '~', '::', '\u00a7', ':\n']:
    for value in ['hello', 'a/b.c~d']:
        signer.append({'key': 'secret', 'salt': 'salt', 'sep': sep, 'algorithm': None, 'value': value,
                       'signed': signing.Signer('secret', sep=sep, salt='salt').sign(value)})
for algorithm in ['sha1', 'sha256', 'sha384', 'sha512', 'md5', 'sha224', 'sha3_256', 'blake2b']:
    for value in ['', 'hello']:
        signer.append({'key': 'secret', 'salt': None, 'sep': ':', 'algorithm': algorithm, 'value': value,
                       'signed': signing.Signer('secret', algorithm=algorithm).sign(value)})
out['signer'] = signer

# Signer.unsign: good, legacy sha1, tampered, wrong key/salt, missing separator.
unsign = []


def record_unsign(key, salt, sep, algorithm, given):
    s = signing.Signer(key, sep=sep, salt=salt, algorithm=algorithm)
    entry = {'key': key, 'salt': salt, 'sep': sep, 'algorithm': algorithm, 'input': given}
    try:
        entry['result'] = s.unsign(given)
    except Exception as exc:  # noqa: BLE001 - the exact exception is the vector
        entry['error'] = error(exc)
    unsign.append(entry)


for value in VALUES[:5]:
    good = signing.Signer('secret', salt='salt').sign(value)
    legacy = signing.Signer('secret', salt='salt', algorithm='sha1').sign(value)
    record_unsign('secret', 'salt', ':', None, good)
    record_unsign('secret', 'salt', ':', None, legacy)  # Django 3.2 still accepts sha1
    record_unsign('secret', 'salt', ':', 'sha512', legacy)  # …whatever the algorithm
    record_unsign('secret', 'salt', ':', 'sha1', good)  # but a sha1 signer refuses sha256
    record_unsign('other', 'salt', ':', None, good)
    record_unsign('secret', 'pepper', ':', None, good)
    record_unsign('secret', None, ':', None, good)
    record_unsign('secret', 'salt', ':', None, good[:-1])
    record_unsign('secret', 'salt', ':', None, good + 'x')
    record_unsign('secret', 'salt', ':', None, 'X' + good)
    record_unsign('secret', 'salt', ':', None, good.upper())
    record_unsign('secret', 'salt', ':', None, good.replace(':', '/'))
    record_unsign('secret', 'salt', '/', None, good)
for given in ['', 'no-separator', ':', 'value:', ':sig', 'a:b:c']:
    record_unsign('secret', 'salt', ':', None, given)
out['unsign'] = unsign

# Separators Django refuses.
unsafe = []
for sep in ['', 'a', 'Z', '0', '-', '_', '=', '[', '\\', ']', '^', '`', 'ab', '\n', 'a\n', '-_=']:
    try:
        signing.Signer('secret', sep=sep)
        raise AssertionError('accepted %r' % sep)
    except ValueError as exc:
        unsafe.append({'sep': sep, 'message': str(exc)})
out['unsafeSeparators'] = unsafe
out['safeSeparators'] = ['/', '.', '~', ':', '::', '\u00a7', ':\n', '\n\n', ' ', '@', '{']
for sep in out['safeSeparators']:
    signing.Signer('secret', sep=sep)

# Django's base62, as used for timestamps.
out['base62'] = [[n, baseconv.base62.encode(n)] for n in
                 [0, 1, 9, 10, 35, 36, 61, 62, 63, 3843, 3844, 238327, 1000000, NOW, 2 ** 31 - 1,
                  2 ** 32, 2 ** 53 - 1]]

# TimestampSigner.sign at a fixed time.
timestamp_signer = []
for key in KEYS[:3]:
    for salt in SALTS:
        for value in VALUES:
            for now in [NOW, 0, 1234567890.999]:
                with at(now):
                    signed = signing.TimestampSigner(key, salt=salt).sign(value)
                timestamp_signer.append({'key': key, 'salt': salt, 'now': now, 'value': value,
                                         'signed': signed})
out['timestampSigner'] = timestamp_signer

# TimestampSigner.unsign with max_age at later times.
timestamp_unsign = []
MAX_AGES = [None, 0, 10, 10.5, 100, 86400, datetime.timedelta(seconds=100),
            datetime.timedelta(days=1), -1]
for value in ['hello', 'h\u00e9llo \u2603']:
    with at(NOW):
        signed = signing.TimestampSigner('secret', salt='salt').sign(value)
    for now in LATER:
        for max_age in MAX_AGES:
            entry = {'key': 'secret', 'salt': 'salt', 'now': now, 'input': signed,
                     'maxAge': max_age_json(max_age)}
            with at(now):
                try:
                    entry['result'] = signing.TimestampSigner('secret', salt='salt').unsign(
                        signed, max_age=max_age)
                except Exception as exc:  # noqa: BLE001
                    entry['error'] = error(exc)
            timestamp_unsign.append(entry)
    # Tampered, and a value a plain Signer signed with the same salt (no timestamp inside).
    for given in [signed[:-2], signed.replace(':', ';', 1),
                  signing.Signer('secret', salt='salt').sign(value)]:
        entry = {'key': 'secret', 'salt': 'salt', 'now': NOW, 'input': given, 'maxAge': None}
        with at(NOW):
            try:
                entry['result'] = signing.TimestampSigner('secret', salt='salt').unsign(given)
            except Exception as exc:  # noqa: BLE001
                entry['error'] = error(exc)
        timestamp_unsign.append(entry)
out['timestampUnsign'] = timestamp_unsign

# dumps(): JSON values, compression, salts, keys.
OBJECTS = [
    None, True, False, 0, 1, -1, 42, 2 ** 53 - 1, -(2 ** 53 - 1), 0.1, -2.5, 123.456, 1e-05, 1e-07,
    1.5e+300, 5e-324, 1.7976931348623157e+308, 1e+16 + 2, 0.0001, 123456789.123,
    '', 'hello', 'h\u00e9llo \u2603 \U0001f600', '\x00\x1f\x7f\x80\u2028\u2029"\\/\b\f\n\r\t',
    'lone \ud800 surrogate', [], {}, [1, 'two', None, True, 3.5],
    {'a': 1, 'b': [1, 2, {'c': 'd'}], 'e': {'f': None}},
    {'z': 1, 'a': 2, 'm': {'y': 1, 'b': 2}},
    {'user_id': 42, 'name': 'J\u00f6rg', 'roles': ['admin', 'editor'], 'ok': True},
    list(range(1, 20)),
    'x' * 1000,
    {'items': [{'id': i, 'title': 'Article %d' % i} for i in range(50)]},
    'ab',
    '\u00e9' * 40,
]
dumps = []
for obj in OBJECTS:
    for compress in [False, True]:
        for key, salt in [('secret', 'django.core.signing'), ('secret', 'my.app'),
                          ('cl\u00e9', 'django.core.signing')]:
            with at(NOW):
                signed = signing.dumps(obj, key=key, salt=salt, compress=compress)
            dumps.append({'key': key, 'salt': salt, 'now': NOW, 'compress': compress, 'obj': obj,
                          'signed': signed})
out['dumps'] = dumps

# loads(): max_age, wrong salt/key, tampered, legacy sha1.
loads = []


def record_loads(key, salt, now, given, max_age):
    entry = {'key': key, 'salt': salt, 'now': now, 'input': given, 'maxAge': max_age_json(max_age)}
    with at(now):
        try:
            entry['result'] = signing.loads(given, key=key, salt=salt, max_age=max_age)
        except Exception as exc:  # noqa: BLE001
            entry['error'] = error(exc)
    loads.append(entry)


for obj in [{'a': 1}, 'h\u00e9llo', list(range(1, 20)), {'items': [{'id': i} for i in range(50)]}]:
    for compress in [False, True]:
        with at(NOW):
            signed = signing.dumps(obj, key='secret', salt='s', compress=compress)
        for now in LATER:
            for max_age in [None, 10, 100, datetime.timedelta(seconds=100)]:
                record_loads('secret', 's', now, signed, max_age)
        record_loads('secret', 'other', NOW, signed, None)
        record_loads('other', 's', NOW, signed, None)
        record_loads('secret', 's', NOW, signed[:-1], None)
        record_loads('secret', 's', NOW, '.' + signed.lstrip('.'), None)
        record_loads('secret', 's', NOW, signed.lstrip('.'), None)
# A legacy (sha1) dumps is still loadable with Django 3.2.
with at(NOW):
    legacy = signing.TimestampSigner('secret', salt='s', algorithm='sha1').sign_object({'legacy': True})
record_loads('secret', 's', NOW, legacy, None)
out['loads'] = loads

# Signed cookies: HttpResponse.set_signed_cookie and HttpRequest.get_signed_cookie.
set_cookies = []
for secret in ['django-insecure-reins-signing-vectors', 'cl\u00e9']:
    for name, value, salt in [('name', 'value', ''), ('name', 'value', 'salt'), ('c', '', ''),
                              ('user', 'J\u00f6rg', 'x'), ('a', 'has space;semi', '')]:
        with mock.patch.object(
                settings, 'SECRET_KEY', secret):
            with at(NOW):
                response = HttpResponse()
                response.set_signed_cookie(name, value, salt=salt, max_age=None)
        morsel = response.cookies[name]
        set_cookies.append({'secretKey': secret, 'name': name, 'value': value, 'salt': salt,
                            'now': NOW, 'cookieValue': morsel.value,
                            'header': morsel.OutputString()})
out['setSignedCookie'] = set_cookies

get_cookies = []
RAISE = object()
with at(NOW):
    signed_value = signing.get_cookie_signer(salt='name').sign('value')
    signed_salted = signing.get_cookie_signer(salt='namesalt').sign('value')
for cookies, name, salt, default, max_age, now in [
    ({'name': signed_value}, 'name', '', RAISE, None, NOW),
    ({'name': signed_value}, 'name', '', RAISE, 10, NOW + 5.5),
    ({'name': signed_value}, 'name', '', RAISE, 10, NOW + 10.5),
    ({'name': signed_value}, 'name', '', 'dflt', 10, NOW + 10.5),
    ({'name': signed_value}, 'name', '', None, 10, NOW + 10.5),
    ({'name': signed_value}, 'name', 'salt', RAISE, None, NOW),
    ({'name': signed_value}, 'name', 'salt', 'dflt', None, NOW),
    ({'name': signed_salted}, 'name', 'salt', RAISE, None, NOW),
    ({'name': signed_value + 'x'}, 'name', '', RAISE, None, NOW),
    ({'name': signed_value + 'x'}, 'name', '', '', None, NOW),
    ({'name': 'value'}, 'name', '', RAISE, None, NOW),
    ({}, 'name', '', RAISE, None, NOW),
    ({}, 'name', '', 'dflt', None, NOW),
    ({'other': signed_value}, 'other', '', RAISE, None, NOW),
]:
    request = HttpRequest()
    request.COOKIES = cookies
    entry = {'secretKey': settings.SECRET_KEY, 'cookies': cookies, 'name': name, 'salt': salt,
             'maxAge': max_age, 'now': now}
    if default is not RAISE:
        entry['default'] = default
    with at(now):
        try:
            if default is RAISE:
                entry['result'] = request.get_signed_cookie(name, salt=salt, max_age=max_age)
            else:
                entry['result'] = request.get_signed_cookie(name, default=default, salt=salt,
                                                            max_age=max_age)
        except Exception as exc:  # noqa: BLE001
            entry['error'] = error(exc)
    get_cookies.append(entry)
out['getSignedCookie'] = get_cookies

here = os.path.dirname(os.path.abspath(__file__))
# The signed-cookie vectors are @reins/http's; the rest are @reins/core's.
cookies = {'django': out['django'], 'setSignedCookie': out.pop('setSignedCookie'),
           'getSignedCookie': out.pop('getSignedCookie')}
for path, data in [
    (os.path.join(here, 'fixtures', 'django-signing.json'), out),
    (os.path.join(here, '..', '..', '..', 'http', 'test', 'fixtures', 'django-signed-cookies.json'),
     cookies),
]:
    path = os.path.normpath(path)
    with open(path, 'w') as fh:
        json.dump(data, fh, indent=1, ensure_ascii=True, allow_nan=False)
        fh.write('\n')
    print('wrote %s: %s' % (path, ', '.join('%s=%d' % (k, len(v)) for k, v in data.items()
                                              if isinstance(v, list))), file=sys.stderr)
