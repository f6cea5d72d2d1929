"""Django 3.2's side of the shared-database tests (test/django-compat.test.ts).

    /usr/bin/python3 django_site.py <sqlite file> <secret key> <command> [args...]

Commands (each prints one JSON value):
  migrate                          run Django's contenttypes, auth and sessions migrations
  schema                           the CREATE statements of the auth tables (sqlite_master)
  createuser <username> <password> create_user(); prints the id
  login <username> <password>      log in through django.test.Client; prints the sessionid cookie
  whoami <session key>             django.contrib.auth.get_user() for that session; prints the username or ''
  check <username> <password>      User.check_password(); prints true/false and the stored hash
  setpassword <username> <password> set_password() and save()
  session <session key>            the session's decoded data
"""
import json
import sys

import django
from django.conf import settings

db_file, secret_key, command, *args = sys.argv[1:]
settings.configure(
    SECRET_KEY=secret_key,
    DEBUG=False,
    USE_TZ=True,
    ALLOWED_HOSTS=['testserver'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': db_file}},
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'django.contrib.sessions'],
    MIDDLEWARE=[
        'django.contrib.sessions.middleware.SessionMiddleware',
        'django.contrib.auth.middleware.AuthenticationMiddleware',
    ],
    SESSION_ENGINE='django.contrib.sessions.backends.db',
    ROOT_URLCONF=__name__,
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    PASSWORD_HASHERS=[
        'django.contrib.auth.hashers.PBKDF2PasswordHasher',
        'django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher',
        'django.contrib.auth.hashers.Argon2PasswordHasher',
        'django.contrib.auth.hashers.BCryptSHA256PasswordHasher',
        'django.contrib.auth.hashers.BCryptPasswordHasher',
    ],
)
urlpatterns = []
django.setup()

from django.contrib.auth import get_user  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from django.test import Client  # noqa: E402

if command == 'migrate':
    call_command('migrate', verbosity=0)
    out = True
elif command == 'schema':
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                       "(name LIKE 'auth%' OR name LIKE 'django_content%') ORDER BY name")
        out = dict(cursor.fetchall())
elif command == 'createuser':
    out = User.objects.create_user(args[0], password=args[1]).pk
elif command == 'login':
    client = Client()
    if not client.login(username=args[0], password=args[1]):
        raise SystemExit('Django refused the login')
    out = client.cookies['sessionid'].value
elif command == 'whoami':
    request = HttpRequest()
    request.session = SessionStore(args[0])
    out = get_user(request).get_username()
elif command == 'check':
    user = User.objects.get(username=args[0])
    out = [user.check_password(args[1]), User.objects.get(username=args[0]).password]
elif command == 'setpassword':
    user = User.objects.get(username=args[0])
    user.set_password(args[1])
    user.save()
    out = True
elif command == 'session':
    out = dict(SessionStore(args[0]).load())
else:
    raise SystemExit('unknown command %r' % command)
print(json.dumps(out))
