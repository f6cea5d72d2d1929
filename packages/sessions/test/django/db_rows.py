"""Django 3.2's own database session store on a SQLite file, for reins' compatibility tests.

Run with Debian's /usr/bin/python3 (python3-django 3.2). Each mode prints one JSON value:

  db_rows.py migrate FILE              Django's `migrate sessions` (creates django_session)
  db_rows.py write FILE DATA [AGE]     a new session holding DATA (JSON); AGE seconds, may be < 0
  db_rows.py read FILE KEY             {"key": key or null, "data": {...}} as Django loads it
  db_rows.py clear FILE                SessionStore.clear_expired(); the keys left
"""
import json
import sys

import django
from django.conf import settings

SECRET_KEY = 'django-insecure-stores-test-key-0123456789abcdefghijklmnopqrstuvwxyz'

mode, path = sys.argv[1], sys.argv[2]
settings.configure(
    SECRET_KEY=SECRET_KEY,
    USE_TZ=True,
    INSTALLED_APPS=['django.contrib.sessions'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': path}},
)
django.setup()

from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.core.management import call_command  # noqa: E402

if mode == 'migrate':
    call_command('migrate', 'sessions', verbosity=0)
    result = True
elif mode == 'write':
    store = SessionStore()
    store.update(json.loads(sys.argv[3]))
    if len(sys.argv) > 4:
        store.set_expiry(int(sys.argv[4]))
    store.create()
    result = store.session_key
elif mode == 'read':
    store = SessionStore(session_key=sys.argv[3])
    data = store.load()
    result = {'key': store.session_key, 'data': data}
elif mode == 'clear':
    SessionStore.clear_expired()
    result = sorted(Session.objects.values_list('session_key', flat=True))
else:
    raise SystemExit('unknown mode %r' % mode)

print(json.dumps(result))
