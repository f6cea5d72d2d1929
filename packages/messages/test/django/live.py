"""Answer @reins/messages' live round-trip test with real Django 3.2.

Reads a JSON list of requests on stdin, writes a JSON list of answers on stdout:
  {"op": "encode", "secretKey": ..., "now": ..., "messages": [[level, text, extraTags, safe], ...]}
      -> {"cookie": "..."}   (CookieStorage._encode at time `now`)
  {"op": "decode", "secretKey": ..., "cookie": "..."}
      -> {"messages": [[level, text, extraTags, safe], ...] | null, "allRetrieved": bool}
  {"op": "session", "messages": [...]} -> {"value": "..."}  (SessionStorage's session entry)
"""
import json
import sys

import django
from django.conf import settings

settings.configure(
    SECRET_KEY='placeholder',
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.sessions', 'django.contrib.messages'],
)
django.setup()

import django.core.signing  # noqa: E402
from django.contrib.messages.storage.base import Message  # noqa: E402
from django.contrib.messages.storage.cookie import CookieStorage  # noqa: E402
from django.contrib.messages.storage.session import SessionStorage  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils.safestring import SafeData, mark_safe  # noqa: E402


def request(cookie=None):
    req = HttpRequest()
    if cookie is not None:
        req.COOKIES['messages'] = cookie
    req.session = {}
    return req


def make(spec):
    level, text, extra, safe = spec
    return Message(level, mark_safe(text) if safe else text, extra_tags=extra)


def show(message):
    return [message.level, str(message.message), message.extra_tags, isinstance(message.message, SafeData)]


answers = []
for item in json.load(sys.stdin):
    with override_settings(SECRET_KEY=item.get('secretKey', 'placeholder')):
        if item['op'] == 'encode':
            now = item['now']
            django.core.signing.time.time = lambda: now
            answers.append({'cookie': CookieStorage(request())._encode([make(s) for s in item['messages']])})
        elif item['op'] == 'decode':
            messages, all_retrieved = CookieStorage(request(item['cookie']))._get()
            answers.append({
                'messages': None if messages is None else [show(m) for m in messages],
                'allRetrieved': all_retrieved,
            })
        elif item['op'] == 'session':
            req = request()
            SessionStorage(req)._store([make(s) for s in item['messages']], None)
            answers.append({'value': req.session.get('_messages')})
json.dump(answers, sys.stdout)
