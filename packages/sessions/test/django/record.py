#!/usr/bin/python3
"""Django 3.2's session formats, for reins' compatibility tests.

  /usr/bin/python3 record.py record > ../fixtures/django-sessions.json
      Session cookies of the signed_cookies backend and SessionBase.encode() outputs (current and
      pre-3.1 legacy format) for fixed data, secret key and time.
  /usr/bin/python3 record.py decode < values.json
      Decode values written by reins with Django and print what Django reads, as JSON.

Run with Debian's python3 (python3-django, Django 3.2.25).
"""
import json
import sys
from unittest import mock

from django.conf import settings

SECRET_KEY = 'reins-sessions-test-secret-key-for-django-compatibility'
settings.configure(
    SECRET_KEY=SECRET_KEY,
    SESSION_SERIALIZER='django.contrib.sessions.serializers.JSONSerializer',
    SESSION_COOKIE_AGE=1209600,
    USE_TZ=True,
    INSTALLED_APPS=['django.contrib.sessions'],
)

import django  # noqa: E402

django.setup()

from django.contrib.sessions.backends import signed_cookies  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore as Store  # noqa: E402
from django.core import signing  # noqa: E402

TIME = 1_765_000_000  # 2025-12-06T05:46:40Z: fixed, so the cookies are byte-identical every run

DATA = [
    {},
    {'visits': 1},
    {'user_id': '42', '_auth_user_backend': 'django.contrib.auth.backends.ModelBackend',
     '_auth_user_hash': 'e1b2c3', '_session_expiry': 0},
    {'name': 'J\u00f6rg \u2713 \U0001f40e', 'ratio': 0.1, 'big': 1e300, 'nested': {'a': [1, 2, None, True]}},
    {'cart': ['item-%d' % i for i in range(60)]},
]


def record():
    out = {'secretKey': SECRET_KEY, 'time': TIME, 'cookies': [], 'encoded': [], 'legacy': []}
    with mock.patch('time.time', return_value=TIME):
        for data in DATA:
            cookie = signed_cookies.SessionStore()
            cookie.update(data)
            cookie.save()
            out['cookies'].append({'data': data, 'cookie': cookie.session_key})
            out['encoded'].append({'data': data, 'text': Store().encode(data)})
            out['legacy'].append({'data': data, 'text': Store()._legacy_encode(data)})
    # Tampered and other-key values Django reads as empty.
    out['tampered'] = [out['encoded'][1]['text'][:-1] + 'x', 'garbage', '']
    return out


def decode(values):
    cookies = []
    for cookie in values.get('cookies', []):
        try:
            data = signing.loads(cookie, salt='django.contrib.sessions.backends.signed_cookies',
                                 serializer=signing.JSONSerializer)
        except signing.BadSignature as error:
            data = {'__error__': type(error).__name__}
        cookies.append(data)
    # The backend's own load(), with its max_age, for cookies signed now.
    loaded = [signed_cookies.SessionStore(session_key=c).load() for c in values.get('cookies', [])]
    encoded = [Store().decode(text) for text in values.get('encoded', [])]
    return {'cookies': cookies, 'loaded': loaded, 'encoded': encoded}


if __name__ == '__main__':
    mode = sys.argv[1] if len(sys.argv) > 1 else 'record'
    if mode == 'record':
        json.dump(record(), sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write('\n')
    elif mode == 'decode':
        json.dump(decode(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
    else:
        sys.exit('usage: record.py record | decode < values.json')
