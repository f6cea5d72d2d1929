"""Record what Django 3.2's `cache` and `cached_db` session backends put in the cache.

    /usr/bin/python3 packages/sessions/test/django/cache_backends.py > packages/sessions/test/fixtures/django-cache-sessions.json

The cache is Django's local-memory cache (values pickled there; what matters is the key, the
value before the cache serializes it, and the timeout); the database an SQLite file.
"""
import json
import os
import pickle
import sys
import tempfile
import time

import django
from django.conf import settings

SECRET_KEY = 'django-insecure-cache-sessions-vectors'
db_file = os.path.join(tempfile.mkdtemp(), 'db.sqlite3')
settings.configure(
    SECRET_KEY=SECRET_KEY,
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.sessions'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': db_file}},
    CACHES={'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}},
    USE_TZ=True,
)
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.contrib.sessions.backends import cache as cache_backend  # noqa: E402
from django.contrib.sessions.backends import cached_db  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402

call_command('migrate', 'sessions', verbosity=0)

DATA = {'visits': 3, 'user': {'id': '42', 'name': 'Jörg ✓'}, 'ratio': 0.5, 'flag': True, 'nothing': None}


def entries():
    """The local-memory cache's entries: made key -> (value, seconds left)."""
    now = time.time()
    return {
        key: {'value': pickle.loads(value), 'timeout': round(cache._expire_info[key] - now)}
        for key, value in cache._cache.items()
    }


out = {'django': django.get_version(), 'secretKey': SECRET_KEY, 'data': DATA}

# cache backend
cache.clear()
store = cache_backend.SessionStore()
store.update(DATA)
store.save()
out['cache'] = {
    'keyPrefix': cache_backend.KEY_PREFIX,
    'sessionKey': store.session_key,
    'cacheKey': store.cache_key,
    'madeKey': cache.make_key(store.cache_key),
    'entries': entries(),
}
# Django reads a session put in the cache under its key by anyone else (reins).
cache.set(cache_backend.KEY_PREFIX + 'reinswrotethiskey0123456789abcde', {'from': 'reins'}, 60)
out['cache']['readsForeign'] = cache_backend.SessionStore('reinswrotethiskey0123456789abcde').load()

# cached_db backend
cache.clear()
store = cached_db.SessionStore()
store.update(DATA)
store.set_expiry(3600)
store.save()
row = Session.objects.get(session_key=store.session_key)
out['cachedDb'] = {
    'keyPrefix': cached_db.KEY_PREFIX,
    'sessionKey': store.session_key,
    'cacheKey': store.cache_key,
    'madeKey': cache.make_key(store.cache_key),
    'entries': entries(),
    'row': {'decoded': store.decode(row.session_data), 'expiresIn': round((row.expire_date.timestamp() - time.time()))},
}
# Read-through: a cache miss loads the row and caches it for the rest of its life.
cache.clear()
reread = cached_db.SessionStore(store.session_key)
out['cachedDb']['readThrough'] = {'loaded': reread.load(), 'entries': entries()}

json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write('\n')
