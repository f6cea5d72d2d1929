"""Record Django 3.2's messages storage answers as vectors for @reins/messages.

Run with the system Python that has Django 3.2 installed:

    /usr/bin/python3 packages/messages/test/django/record.py > packages/messages/test/fixtures/django-messages.json
"""
import json
import sys

import django
from django.conf import settings

SECRET_KEY = 'reins-messages-vectors-secret'

settings.configure(
    SECRET_KEY=SECRET_KEY,
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.sessions', 'django.contrib.messages'],
    MIDDLEWARE=[],
    USE_TZ=True,
)
django.setup()

# The messages cookie is signed by settings.SIGNING_BACKEND, a TimestampSigner: fix its clock so
# the vectors are the same on every run (the tests fake the same time).
import django.core.signing  # noqa: E402
NOW = 1700000000
django.core.signing.time.time = lambda: NOW

from django.contrib.messages import constants  # noqa: E402
from django.contrib.messages.storage.base import Message  # noqa: E402
from django.contrib.messages.storage.cookie import (  # noqa: E402
    CookieStorage, MessageEncoder, MessageSerializer,
)
from django.contrib.messages.storage.fallback import FallbackStorage  # noqa: E402
from django.contrib.messages.storage.session import SessionStorage  # noqa: E402
from django.core import signing  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.utils.crypto import salted_hmac  # noqa: E402
from django.utils.safestring import SafeData, mark_safe  # noqa: E402


def make(spec):
    """[level, text, extra_tags, safe] -> Message (extra_tags None when absent)."""
    level, text, extra, safe = spec
    return Message(level, mark_safe(text) if safe else text, extra_tags=extra)


def describe(message):
    if message == CookieStorage.not_finished:
        return CookieStorage.not_finished
    return [message.level, str(message.message), message.extra_tags, isinstance(message.message, SafeData), message.tags]


def request_with(cookie=None, session=None):
    request = HttpRequest()
    if cookie is not None:
        request.COOKIES[CookieStorage.cookie_name] = cookie
    request.session = {} if session is None else session
    return request


MESSAGE_SETS = {
    'one': [[20, 'Saved.', '', False]],
    'extra tags': [[25, 'Profile updated', 'profile sticky', False], [40, 'Oops', None, False]],
    'safe': [[30, '<b>careful</b>', '', True], [30, '<b>escaped</b>', '', False]],
    'unicode': [[10, 'Jörg ✓ 🐎 \u2028 "quoted" \\ back', 'tag-é', False]],
    'control': [[20, 'tab\tnew\nline\x00nul\x7fdel', '', False]],
    'all levels': [[level, 'level %d' % level, '', False] for level in (10, 20, 25, 30, 40)],
    'custom level': [[35, 'custom', '', False], [5, 'below debug', 'x', False]],
    'compressible': [[20, 'Repeated text. ' * 20, '', False]],
    'json-like text': [[20, '["__json_message",0,20,"fake"]', '', False], [20, '__messagesnotfinished__', '', False]],
}

encode = []
for name, specs in MESSAGE_SETS.items():
    storage = CookieStorage(request_with())
    messages = [make(spec) for spec in specs]
    encode.append({'name': name, 'messages': specs, 'cookie': storage._encode(messages)})
    storage = CookieStorage(request_with())
    encode.append({
        'name': name + ' (not finished)',
        'messages': specs,
        'notFinished': True,
        'cookie': storage._encode(messages + [CookieStorage.not_finished]),
    })

# What Django 3.2 accepts besides its own format.
one = [Message(constants.INFO, 'Hello', extra_tags='greeting')]
json_31 = json.dumps(one, separators=(',', ':'), cls=MessageEncoder)
cookie_signer = signing.get_cookie_signer(salt=CookieStorage.key_salt)
sha1_signer = signing.TimestampSigner(
    b'django.http.cookies' + SECRET_KEY.encode(), salt=CookieStorage.key_salt, algorithm='sha1')
legacy_hash = salted_hmac('django.contrib.messages', json_31).hexdigest()
current = CookieStorage(request_with())._encode(one)
decode_inputs = {
    'django 3.2 format': current,
    'django 3.1 format (signed JSON, no base64)': cookie_signer.sign(json_31),
    'django 3.0 format (sha1 hash $ JSON)': legacy_hash + '$' + json_31,
    'sha1 signature (DEFAULT_HASHING_ALGORITHM sha1)': sha1_signer.sign_object(
        one, serializer=MessageSerializer, compress=True),
    'tampered signature': current[:-2] + ('AA' if not current.endswith('AA') else 'BB'),
    'tampered value': 'x' + current,
    'wrong salt': signing.get_cookie_signer(salt='other').sign_object([], compress=True),
    'no separator': 'garbage',
    'empty': '',
    'django 3.0 wrong hash': '0' * 40 + '$' + json_31,
}
decode = []
for name, cookie in decode_inputs.items():
    storage = CookieStorage(request_with(cookie))
    messages, all_retrieved = storage._get()
    decode.append({
        'name': name,
        'cookie': cookie,
        'messages': None if messages is None else (
            [describe(m) for m in messages] if isinstance(messages, list) else repr(messages)),
        'allRetrieved': all_retrieved,
        'used': storage.used,
    })

# Too big for max_cookie_size: which messages stay, the cookie, which are returned. The text is
# hex noise, so zlib cannot shrink it much.
import hashlib  # noqa: E402
NOISE = ''.join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(400))


def noise(index, size):
    return ('%02d-' % index) + NOISE[index * 97:index * 97 + size]


store = []
for count, size in ((1, 10), (5, 300), (12, 300), (40, 60), (3, 3000), (8, 250)):
    for remove_oldest in (True, False):
        storage = CookieStorage(request_with())
        messages = [Message(constants.INFO, noise(i, size)) for i in range(count)]
        response = HttpResponse()
        unstored = storage._store(list(messages), response, remove_oldest=remove_oldest)
        morsel = response.cookies.get('messages')
        store.append({
            'count': count,
            'size': size,
            'removeOldest': remove_oldest,
            'cookie': morsel.value if morsel is not None else None,
            'unstored': [str(m.message)[:2] for m in unstored],
        })

# The Set-Cookie header Django writes (default SESSION_COOKIE_* settings) and the deletion.
response = HttpResponse()
CookieStorage(request_with())._update_cookie('value', response)
set_header = response.cookies['messages'].output(header='').strip()
response = HttpResponse()
CookieStorage(request_with())._update_cookie('', response)
delete_header = response.cookies['messages'].output(header='').strip()

session = []
for name, specs in MESSAGE_SETS.items():
    request = request_with()
    storage = SessionStorage(request)
    storage._store([make(spec) for spec in specs], None)
    session.append({'name': name, 'messages': specs, 'value': request.session['_messages']})

# Fallback: the cookie takes what fits (newest dropped first), the session the rest.
fallback = []
for count in (3, 30):
    request = request_with()
    storage = FallbackStorage(request)
    for i in range(count):
        storage.add(constants.INFO, noise(i, 120))
    response = HttpResponse()
    unstored = storage.update(response)
    morsel = response.cookies.get('messages')
    fallback.append({
        'count': count,
        'size': 120,
        'cookie': morsel.value if morsel is not None else None,
        'session': request.session.get('_messages'),
        'unstored': len(unstored or []),
    })
# Reading back a split: cookie first (without the sentinel), then the session.
request = request_with(fallback[1]['cookie'], {'_messages': fallback[1]['session']})
read_back = [str(m.message)[:2] for m in FallbackStorage(request)]

tags = []
for level, extra in ((10, ''), (20, 'a b'), (25, None), (30, 'x'), (40, ''), (35, ''), (35, 'only-extra')):
    tags.append({'level': level, 'extraTags': extra, 'tags': Message(level, 'm', extra_tags=extra).tags,
                 'levelTag': Message(level, 'm').level_tag})

json.dump({
    'django': django.get_version(),
    'secretKey': SECRET_KEY,
    'now': NOW,
    'maxCookieSize': CookieStorage.max_cookie_size,
    'encode': encode,
    'decode': decode,
    'store': store,
    'setCookieHeader': set_header,
    'deleteCookieHeader': delete_header,
    'session': session,
    'fallback': fallback,
    'fallbackReadBack': read_back,
    'tags': tags,
}, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write('\n')
