#!/usr/bin/python3
"""Run Django 3.2's own test modules under Django and record every call they make into the API under test.

Usage (from the repository root, with Debian's python3-django 3.2.25; see README.md):

    pnpm django-suites:record --tests /tmp/djsrc/Django-3.2.25/tests [http] [urls] [templates] [shortcuts] [views]

For each suite (a reins package) this runs the chosen test modules with Django's own runner
(tests/runtests.py, settings test_sqlite), with the API under test wrapped: every call, attribute
read or attribute write whose caller is test code (a file under --tests, or unittest's asserts) is
recorded with its inputs and Django's actual answer (a value, or the exception's class and message).
Calls Django makes internally are not recorded. One JSON fixture per test module is written into
the package's test/fixtures/ directory; the package's replay test maps each call to reins.
"""

import argparse
import base64
import contextlib
import datetime
import decimal
import io
import json
import os
import sys
import types
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

SUITES = {
    'urls': {
        'package': 'packages/urls',
        'modules': ['urlpatterns.tests', 'urlpatterns.test_resolvers', 'urlpatterns_reverse.tests'],
    },
    'templates': {
        'package': 'packages/templates',
        'modules': sorted(
            'template_tests.%s.%s' % (d, f[:-3])
            for d in ('syntax_tests', 'filter_tests')
            for f in os.listdir(os.path.join(os.environ.get('DJANGO_TESTS', '.'), 'template_tests', d))
            if f.startswith('test_') and f.endswith('.py')
        ) if os.environ.get('DJANGO_TESTS') else [],
    },
    'middleware': {
        'package': 'packages/middleware',
        'modules': ['middleware.tests', 'middleware.test_security', 'csrf_tests.tests'],
    },
    'http': {
        'package': 'packages/http',
        'modules': [
            'httpwrappers.tests',
            'requests.tests',
            'requests.test_accept_header',
            'requests.test_data_upload_settings',
            'responses.tests',
            'responses.test_cookie',
            'responses.test_fileresponse',
            'utils_tests.test_http',
        ],
    },
    'shortcuts': {
        'package': 'packages/shortcuts',
        'modules': ['shortcuts.tests', 'resolve_url.tests', 'get_object_or_404.tests'],
    },
    'views': {
        'package': 'packages/views',
        'modules': ['generic_views.test_base', 'generic_views.test_dates', 'generic_views.test_detail',
                    'generic_views.test_edit', 'generic_views.test_list'],
    },
}

# ---------------------------------------------------------------------------------------------
# Recording state

TESTS_DIR = None
UNITTEST_DIR = os.path.dirname(os.path.abspath(__import__('unittest').__file__))
current = None  # {'id': test id, 'ops': [...], 'refs': {id(obj): n}, 'keep': [...]}
TRACKED = ()  # classes whose instances are referenced by number
REQUEST_STATE = {}  # id(request) -> last recorded state of a bare HttpRequest


def from_test(depth=2):
    """True when the frame `depth` above this one is test code (not Django, not us)."""
    try:
        f = sys._getframe(depth)
    except ValueError:
        return False
    name = f.f_code.co_filename
    return name.startswith(TESTS_DIR) or name.startswith(UNITTEST_DIR)


class Opaque(Exception):
    """A value the recording cannot express as data (a lambda, an open socket...)."""


def bytes_value(b):
    return {'$bytes': bytes(b).decode('latin-1')}


def stream_bytes(stream):
    """The unread bytes of a test's payload, without consuming them."""
    from django.test.client import FakePayload
    from django.core.handlers.wsgi import LimitedStream

    if isinstance(stream, FakePayload):
        content = stream._FakePayload__content
        # Written but not read yet, a FakePayload's position is at its end; reading starts at 0.
        return content.getvalue()[content.tell():] if stream.read_started else content.getvalue()
    if isinstance(stream, io.BytesIO):
        return stream.getvalue()[stream.tell():]
    if isinstance(stream, LimitedStream):
        raise Opaque('LimitedStream')
    raise Opaque(type(stream).__name__)


ENCODE_HOOKS = []  # suite-specific encoders tried first (the views suite's requests)


def enc(value, new_refs=True, depth=0):
    """Python value -> JSON data (see README.md for the encoding)."""
    if depth > 20:
        raise Opaque('too deep')
    for hook in ENCODE_HOOKS:
        encoded = hook(value, new_refs, depth)
        if encoded is not None:
            return encoded
    if isinstance(value, str) and type(value).__name__ == 'SafeString':
        return {'$safe': str(value)}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        if abs(value) > 2 ** 53:
            return {'$int': str(value)}
        return value
    if isinstance(value, float):
        if value != value or value in (float('inf'), float('-inf')):
            return {'$float': repr(value)}
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes_value(value)
    if isinstance(value, TRACKED):
        refs = current['refs']
        if id(value) in refs:
            return {'$ref': refs[id(value)]}
        if not new_refs:
            raise Opaque('%s made outside the test' % type(value).__name__)
        n = len(current['keep']) + 1
        refs[id(value)] = n
        current['keep'].append(value)
        return {'$ref': n, '$type': type(value).__name__}
    if isinstance(value, BaseException):
        return {'$error': type(value).__name__, 'message': str(value)}
    if isinstance(value, datetime.datetime):
        return {'$datetime': value.isoformat()}
    if isinstance(value, datetime.date):
        return {'$date': value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {'$timedelta': value.total_seconds()}
    if isinstance(value, decimal.Decimal):
        return {'$decimal': str(value)}
    if isinstance(value, uuid.UUID):
        return {'$uuid': str(value)}
    if isinstance(value, (list, tuple)):
        return [enc(v, new_refs, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return {'$set': sorted((enc(v, new_refs, depth + 1) for v in value), key=repr)}
    if isinstance(value, dict) and type(value).__module__ == 'builtins' or type(value).__name__ in ('OrderedDict', 'defaultdict'):
        return {'$dict': [[enc(k, new_refs, depth + 1), enc_lenient(v, depth + 1)] for k, v in value.items()]}
    if isinstance(value, io.IOBase) and isinstance(getattr(value, 'name', None), str) and os.path.isfile(value.name) \
            or type(value).__name__ == '_TemporaryFileWrapper' and os.path.isfile(value.name):
        # A file the test opened: its base name and its bytes on disk.
        with open(value.name, 'rb') as f:
            content = f.read()
        return {'$file': {'name': os.path.basename(value.name), 'bytes': bytes_value(content)['$bytes'],
                          'text': isinstance(value, io.TextIOBase)}}
    try:
        return {'$stream': bytes_value(stream_bytes(value))['$bytes']}
    except Opaque:
        pass
    if callable(value) and (isinstance(value, (types.FunctionType, types.MethodType)) or hasattr(value, 'view_class')
                            or type(value).__name__ == 'partial'):
        return {'$callable': view_id(value)}
    if hasattr(value, '_proxy____cast'):  # lazystr()
        return {'$lazy': enc(value._proxy____cast(), new_refs, depth + 1)}
    raise Opaque(type(value).__name__)


def enc_lenient(value, depth=0):
    try:
        return enc(value, True, depth)
    except Opaque as e:
        return {'$opaque': str(e), 'repr': safe_repr(value)}


def safe_repr(value):
    try:
        return repr(value)[:200]
    except Exception as e:  # noqa: BLE001
        return '<unrepresentable %s>' % type(e).__name__


def materialize(value):
    """One-shot iterators are recorded as their items; the caller gets a fresh iterator over them."""
    if isinstance(value, (types.GeneratorType, type(iter([])), type(iter(())), type(iter({}.items())), type(iter({})), type({}.items()), type({}.keys()), type({}.values()), map, filter, zip)):
        items = list(value)
        return {'$iter': items}, iter(items)
    return None, value


def enc_args(args, kwargs):
    """Encodes arguments; one-shot iterators among them are replaced by equivalent ones."""
    out_args = []
    new_args = []
    for a in args:
        m, a = materialize(a)
        if m is not None:
            out_args.append({'$iter': [enc(v, False) for v in m['$iter']]})
        else:
            out_args.append(enc(a, False))
        new_args.append(a)
    out_kwargs = {}
    new_kwargs = {}
    for k, v in kwargs.items():
        m, v = materialize(v)
        out_kwargs[k] = {'$iter': [enc(x, False) for x in m['$iter']]} if m is not None else enc(v, False)
        new_kwargs[k] = v
    return out_args, out_kwargs, new_args, new_kwargs


def request_state(request):
    """A bare HttpRequest's inputs, which tests set attribute by attribute."""
    state = {}
    for name in ('method', 'path', 'path_info'):
        state[name] = enc_lenient(request.__dict__.get(name))
    state['META'] = enc_lenient(request.__dict__.get('META'))
    return state


def record(op):
    current['ops'].append(op)


# The settings a request reads, recorded with each request op whenever a test overrode them.
REQUEST_SETTINGS = ('ALLOWED_HOSTS', 'DEBUG', 'USE_X_FORWARDED_HOST', 'USE_X_FORWARDED_PORT',
                    'SECURE_PROXY_SSL_HEADER', 'DATA_UPLOAD_MAX_MEMORY_SIZE',
                    'DATA_UPLOAD_MAX_NUMBER_FIELDS', 'FILE_UPLOAD_MAX_MEMORY_SIZE', 'DEFAULT_CHARSET')


def attach_settings(op):
    from django.conf import settings

    snapshot = {name: enc_lenient(getattr(settings, name, None)) for name in REQUEST_SETTINGS}
    if current.get('settings') != snapshot:
        current['settings'] = snapshot
        op['settings'] = snapshot


def attach_state(op, target):
    from django.core.handlers.wsgi import WSGIRequest
    from django.http import HttpRequest

    if isinstance(target, HttpRequest):
        attach_settings(op)
    if isinstance(target, HttpRequest) and not isinstance(target, WSGIRequest):
        state = request_state(target)
        if REQUEST_STATE.get(id(target)) != state:
            REQUEST_STATE[id(target)] = state
            op['state'] = state


def run_recorded(op, fn, args, kwargs, target=None):
    """Calls fn, recording the op with its answer (or the op as unrecordable)."""
    try:
        op['args'], op['kwargs'], args, kwargs = enc_args(args, kwargs)
    except Opaque as e:
        op['unrecordable'] = 'argument: %s' % e
        op['args'] = [enc_lenient(a) for a in args]
        record(op)
        return fn(*args, **kwargs)
    if target is not None:
        attach_state(op, target)
    record(op)
    try:
        result = fn(*args, **kwargs)
    except BaseException as e:
        op['raises'] = {'type': type(e).__name__, 'message': str(e)}
        raise
    m, result = materialize(result)
    if m is not None:
        op['result'] = {'$iter': [enc_lenient(v) for v in m['$iter']]}
    else:
        op['result'] = enc_lenient(result)
    return result


# ---------------------------------------------------------------------------------------------
# Instrumentation

def wrap_function(qualname, fn):
    def wrapper(*args, **kwargs):
        if current is None or not from_test():
            return fn(*args, **kwargs)
        return run_recorded({'op': 'fn', 'name': qualname}, fn, args, kwargs)

    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def wrap_method(name, fn):
    def wrapper(self, *args, **kwargs):
        if current is None or not from_test():
            return fn(self, *args, **kwargs)
        if name == '__init__':
            op = {'op': 'new', 'type': type(self).__name__}
            from django.http import HttpRequest
            if isinstance(self, HttpRequest):
                attach_settings(op)
            try:
                op['args'], op['kwargs'], args, kwargs = enc_args(args, kwargs)
            except Opaque as e:
                op['unrecordable'] = 'argument: %s' % e
            record(op)
            try:
                fn(self, *args, **kwargs)
            except BaseException as e:
                op['raises'] = {'type': type(e).__name__, 'message': str(e)}
                raise
            op['result'] = enc(self)
            return None
        try:
            target = enc(self, False)
        except Opaque as e:
            return fn(self, *args, **kwargs)
        op = {'op': 'call', 'target': target['$ref'], 'name': name}
        return run_recorded(op, lambda *a, **k: fn(self, *a, **k), args, kwargs, self)

    wrapper.__wrapped__ = fn
    wrapper.__name__ = getattr(fn, '__name__', name)
    return wrapper


def wrap_getattribute(cls):
    original = cls.__getattribute__

    def __getattribute__(self, name):
        value = original(self, name)
        if name.startswith('_') or current is None or not from_test():
            return value
        if isinstance(value, (types.MethodType, types.BuiltinMethodType)):
            return value
        try:
            target = enc(self, False)
        except Opaque:
            return value
        op = {'op': 'get', 'target': target['$ref'], 'name': name}
        attach_state(op, self)
        m, value = materialize(value)
        op['result'] = enc_lenient(value) if m is None else {'$iter': [enc_lenient(v) for v in m['$iter']]}
        record(op)
        return value

    cls.__getattribute__ = __getattribute__


def wrap_setattr(cls):
    original = cls.__setattr__

    def __setattr__(self, name, value):
        if name.startswith('_') or current is None or not from_test():
            return original(self, name, value)
        try:
            target = enc(self, False)
        except Opaque:
            return original(self, name, value)
        op = {'op': 'set', 'target': target['$ref'], 'name': name, 'value': enc_lenient(value)}
        record(op)
        try:
            original(self, name, value)
        except BaseException as e:
            op['raises'] = {'type': type(e).__name__, 'message': str(e)}
            raise
        attach_state(op, self)
        return None

    cls.__setattr__ = __setattr__


DUNDERS = ('__init__', '__getitem__', '__setitem__', '__delitem__', '__contains__', '__iter__', '__len__',
           '__str__', '__repr__', '__bytes__', '__eq__', '__copy__', '__deepcopy__')


def instrument_class(cls, base_dunders=False):
    for name, value in list(vars(cls).items()):
        if isinstance(value, (staticmethod, classmethod)):
            fn = value.__func__
            if name.startswith('_') or not isinstance(fn, types.FunctionType):
                continue
            qual = '%s.%s' % (cls.__name__, name)
            w = wrap_function(qual, fn.__get__(cls) if isinstance(value, classmethod) else fn)
            setattr(cls, name, classmethod(lambda c, *a, _w=w, **k: _w(*a, **k)) if isinstance(value, classmethod) else staticmethod(w))
            continue
        if not isinstance(value, types.FunctionType):
            continue
        if name.startswith('_') and name not in DUNDERS:
            continue
        setattr(cls, name, wrap_method(name, value))
    if base_dunders:
        # Methods a dict subclass inherits from C.
        for name in ('__getitem__', '__contains__', '__len__', '__iter__', '__eq__', 'keys'):
            if name not in vars(cls):
                setattr(cls, name, wrap_method(name, getattr(dict, name)))
    wrap_getattribute(cls)


def instrument_http():
    global TRACKED
    import django.http
    import django.http.cookie
    import django.http.request
    import django.http.response
    import django.utils.http
    from django.core.files import uploadedfile
    from django.core.handlers.wsgi import WSGIRequest
    from django.utils.datastructures import CaseInsensitiveMapping, MultiValueDict
    from http import cookies

    responses = [c for c in vars(django.http.response).values()
                 if isinstance(c, type) and issubclass(c, django.http.response.HttpResponseBase)]
    classes = [MultiValueDict, django.http.QueryDict, django.http.HttpRequest, WSGIRequest,
               django.http.request.HttpHeaders, django.http.request.MediaType,
               CaseInsensitiveMapping, django.http.response.ResponseHeaders, cookies.SimpleCookie, cookies.Morsel,
               uploadedfile.UploadedFile, uploadedfile.InMemoryUploadedFile,
               uploadedfile.TemporaryUploadedFile, uploadedfile.SimpleUploadedFile] + responses
    TRACKED = tuple(classes)
    for cls in classes:
        instrument_class(cls, base_dunders=issubclass(cls, dict) and cls in (MultiValueDict, cookies.SimpleCookie, cookies.Morsel))
    for cls in (django.http.HttpRequest, django.http.response.HttpResponseBase):
        wrap_setattr(cls)

    functions = {}
    for module in (django.utils.http, django.http.cookie, django.http.request):
        for name, value in list(vars(module).items()):
            if isinstance(value, types.FunctionType) and not name.startswith('_') and value.__module__ == module.__name__:
                functions[value] = wrap_function('%s.%s' % (module.__name__, name), value)
    for module in (django.utils.http, django.http, django.http.cookie, django.http.request, django.http.response):
        for name, value in list(vars(module).items()):
            if isinstance(value, types.FunctionType) and value in functions:
                setattr(module, name, functions[value])


def view_id(callback):
    """A stable name for a view: module.qualname (the class's for as_view(), the function's for partial())."""
    import functools

    view_class = getattr(callback, 'view_class', None)
    if view_class is not None:
        return '%s.%s.as_view()' % (view_class.__module__, view_class.__qualname__)
    if isinstance(callback, functools.partial):
        return 'partial(%s)' % view_id(callback.func)
    if not isinstance(callback, (types.FunctionType, types.MethodType)):
        return '%s.%s' % (type(callback).__module__, type(callback).__qualname__)
    return '%s.%s' % (getattr(callback, '__module__', '?'), getattr(callback, '__qualname__', '?'))


def describe_patterns(patterns, depth=0):
    """A urlconf as data, in the shape packages/urls/test/conformance-urlconf.ts builds."""
    from django.urls.resolvers import RegexPattern, RoutePattern, URLResolver

    out = []
    for p in patterns:
        entry = {}
        pattern = p.pattern
        if isinstance(pattern, RoutePattern):
            entry['route'] = str(pattern._route)
        elif isinstance(pattern, RegexPattern):
            entry['route'] = str(pattern._regex)
            entry['kind'] = 're_path'
        else:
            entry['route'] = {'$opaque': type(pattern).__name__}
        if isinstance(p, URLResolver):
            module = p.urlconf_name
            name = module if isinstance(module, str) else module.__name__ if isinstance(module, types.ModuleType) else None
            if name is not None:
                # An included module is described once, by name (urlconfs may include each other).
                entry['include_ref'] = name
                describe_urlconf(name)
            else:
                try:
                    entry['include'] = describe_patterns(p.url_patterns, depth + 1) if depth < 6 else {'$opaque': 'deep'}
                except Exception as e:  # noqa: BLE001 - an erroneous urlconf is data too
                    entry['include'] = {'$error': type(e).__name__, 'message': str(e)}
            if p.app_name:
                entry['app_name'] = p.app_name
            if p.namespace:
                entry['namespace'] = p.namespace
            if p.default_kwargs:
                entry['kwargs'] = enc_lenient(p.default_kwargs)
        else:
            entry['view'] = view_id(p.callback)
            if p.name:
                entry['name'] = p.name
            if p.default_args:
                entry['kwargs'] = enc_lenient(p.default_args)
        out.append(entry)
    return out


URLCONFS = {}


def attach_urlconf(op, urlconf):
    from django.urls import get_resolver, get_urlconf

    name = urlconf if urlconf is not None else get_urlconf()
    from django.conf import settings
    if name is None:
        name = settings.ROOT_URLCONF
    if not isinstance(name, str):
        op['urlconf'] = {'$opaque': type(name).__name__}
        return
    op['urlconf'] = name
    from django.urls import get_script_prefix
    if get_script_prefix() != '/':
        op['script_prefix'] = get_script_prefix()
    # tests/urlpatterns/converters.py's DynamicConverter delegates to functions the test registers.
    dynamic = getattr(sys.modules.get('urlpatterns.converters'), 'DynamicConverter', None)
    if dynamic is not None:
        functions = {k: view_id(v) for k, v in (('to_python', dynamic._dynamic_to_python),
                                                 ('to_url', dynamic._dynamic_to_url)) if v is not None}
        if functions:
            op['dynamic_converter'] = functions
    describe_urlconf(name)


def describe_urlconf(name):
    from django.urls import get_resolver

    if name in URLCONFS:
        return
    URLCONFS[name] = None
    try:
        URLCONFS[name] = describe_patterns(get_resolver(name).url_patterns)
    except Exception as e:  # noqa: BLE001
        URLCONFS[name] = {'$error': type(e).__name__, 'message': str(e)}


def reachable_urlconfs(names):
    out = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out[name] = URLCONFS.get(name)
        stack = [out[name]]
        while stack:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, dict):
                if 'include_ref' in value:
                    todo.append(value['include_ref'])
                stack.extend(value.values())
    return dict(sorted(out.items()))


def instrument_urls():
    global TRACKED
    import django.urls
    import django.urls.base
    from django.urls.resolvers import ResolverMatch

    TRACKED = (ResolverMatch,)
    instrument_class(ResolverMatch)
    for name in ('resolve', 'reverse'):
        fn = getattr(django.urls.base, name)

        def wrapper(*args, _fn=fn, _name=name, **kwargs):
            if current is None or not from_test():
                return _fn(*args, **kwargs)
            op = {'op': 'fn', 'name': 'django.urls.' + _name}
            urlconf = kwargs.get('urlconf', args[1] if len(args) > 1 else None)
            attach_urlconf(op, urlconf)
            return run_recorded(op, _fn, args, kwargs)

        wrapper.__wrapped__ = fn
        for module in (django.urls, django.urls.base):
            setattr(module, name, wrapper)

    # path()/re_path()/include() from test code: what matters is whether they raise; what they
    # build is recorded as {"$made": type} (its behaviour is what resolve/reverse cases check).
    import django.urls.conf
    for name in ('path', 're_path', 'include'):
        fn = getattr(django.urls.conf, name)

        def declare(*args, _fn=fn, _name=name, **kwargs):
            # Only a test's own calls, not those of urlconf modules imported while it runs.
            caller = os.path.basename(sys._getframe(1).f_code.co_filename)
            if current is None or not from_test() or not caller.startswith('test'):
                return _fn(*args, **kwargs)
            op = {'op': 'fn', 'name': 'django.urls.' + _name}
            try:
                op['args'], op['kwargs'], args, kwargs = enc_args(args, kwargs)
            except Opaque as e:
                op['unrecordable'] = 'argument: %s' % e
            record(op)
            try:
                result = _fn(*args, **kwargs)
            except BaseException as e:
                op['raises'] = {'type': type(e).__name__, 'message': str(e)}
                raise
            op['result'] = {'$made': type(result).__name__}
            return result

        declare.__wrapped__ = fn
        for module in (django.urls, django.urls.conf):
            setattr(module, name, declare)


def instrument_templates():
    global TRACKED
    from django.template.base import Template
    from django.template.context import Context
    from django.template.engine import Engine

    TRACKED = (Engine, Template, Context)
    for cls in TRACKED:
        instrument_class(cls)


# ---------------------------------------------------------------------------------------------
# Views and shortcuts: exchanges. Django's view tests call views through the test client or call
# an as_view() function with a RequestFactory request; each such call is one op whose arguments are
# the request (method, path, query, headers, body) and the view (class and as_view() keywords, or
# the urlconf's match), and whose answer is the response (status, headers, body, the view's
# context and template names). Calls the view makes on the way are not recorded (EXCHANGE_DEPTH).

EXCHANGE_DEPTH = 0
TEMPLATES_BY_TEST = {}  # test id -> {template name: source} rendered during its exchanges


def from_test_module(depth=2):
    """True when the frame `depth` above this one is a test module itself (tests.py, test_*.py),
    not the test urlconf's views.py."""
    try:
        f = sys._getframe(depth)
    except ValueError:
        return False
    name = f.f_code.co_filename
    return name.startswith(TESTS_DIR) and os.path.basename(name).startswith('test')


def class_id(cls):
    return '%s.%s' % (cls.__module__, cls.__qualname__)


def describe_environ(environ):
    """A request as data: method, path (decoded), raw query (None when the environ has none), headers, body."""
    from django.core.handlers.wsgi import get_path_info

    headers = []
    for key, value in environ.items():
        if key.startswith('HTTP_') and not (key == 'HTTP_COOKIE' and value == ''):
            headers.append([key[5:].replace('_', '-').title(), value])
    if environ.get('CONTENT_TYPE'):
        headers.append(['Content-Type', environ['CONTENT_TYPE']])
    body = stream_bytes(environ['wsgi.input']) if 'wsgi.input' in environ else b''
    return {'$dict': [['method', environ.get('REQUEST_METHOD')], ['path', get_path_info(environ)],
                      ['query', environ.get('QUERY_STRING')], ['headers', {'$dict': headers}],
                      ['body', bytes_value(body)]]}


def encode_request(value, new_refs, depth):
    from django.core.handlers.wsgi import WSGIRequest

    if isinstance(value, WSGIRequest):
        return {'$dict': [['$request', describe_environ(value.environ)]]}
    return None


def encode_context_value(value):
    from django.forms import BaseForm
    from django.views.generic import View

    if isinstance(value, View):
        return {'$dict': [['view_class', class_id(type(value))]]}
    if isinstance(value, BaseForm):
        raise Opaque('needs Django\'s forms')
    from django.core.paginator import Page, Paginator

    if isinstance(value, Paginator):
        return {'$dict': [['paginator', {'$dict': [
            ['count', value.count], ['num_pages', value.num_pages], ['per_page', value.per_page],
            ['orphans', value.orphans], ['page_range', list(value.page_range)]]}]]}
    if isinstance(value, Page):
        return {'$dict': [['page', {'$dict': [
            ['number', value.number], ['object_list', enc(list(value.object_list), False)],
            ['has_next', value.has_next()], ['has_previous', value.has_previous()],
            ['start_index', value.start_index()], ['end_index', value.end_index()]]}]]}
    return enc(value, False)


def orm_bound(value):
    from django.db.models import Model, QuerySet
    from django.views.generic import View
    from django.views.generic.dates import BaseDateDetailView, BaseDateListView
    from django.views.generic.edit import ModelFormMixin

    if isinstance(value, type) and issubclass(value, View):
        # A view over a model: its answer comes from Django's ORM (date views filter by date lookups).
        return orm_bound(getattr(value, 'model', None)) or orm_bound(getattr(value, 'queryset', None)) \
            or issubclass(value, (BaseDateListView, BaseDateDetailView, ModelFormMixin))
    from django.db.models import Manager

    if isinstance(value, (list, tuple)):
        return any(orm_bound(v) for v in value)
    return isinstance(value, (Model, QuerySet, Manager)) or (isinstance(value, type) and issubclass(value, Model))


def describe_response(response):
    """A response as data; an unrendered TemplateResponse is rendered first (as the test would)."""
    from django.http.response import HttpResponseBase

    if not isinstance(response, HttpResponseBase):
        return enc(response)
    out = [['status_code', response.status_code]]
    context = getattr(response, 'context_data', None)
    if hasattr(response, 'render') and not response.is_rendered:
        try:
            response.render()
        except Exception as e:  # noqa: BLE001 - the render's error is the answer
            out.append(['render_raises', {'$dict': [['type', type(e).__name__], ['message', str(e)]]}])
    out.append(['headers', {'$dict': [[k, v] for k, v in response.items()]}])
    if response.streaming:
        out.append(['streaming', True])
    elif response.status_code != 0 and not any(k == 'render_raises' for k, _ in out):
        out.append(['content', bytes_value(response.content)])
    if context is not None:
        out.append(['context', {'$dict': [[k, encode_context_value(v)] for k, v in context.items()]}])
    template_name = getattr(response, 'template_name', None)
    if template_name is not None:
        out.append(['template_name', enc(template_name, False)])
    return {'$dict': out}


def run_exchange(op, call, args_for_record, kwargs_for_record, encoded_prefix=()):
    """Runs one exchange (no nested recording), recording its answer, its error, or why it is not data."""
    global EXCHANGE_DEPTH
    from django.db import connections

    try:
        op['args'] = list(encoded_prefix) + [enc(a, False) for a in args_for_record]
        op['kwargs'] = {k: enc(v, False) for k, v in kwargs_for_record.items()}
    except Opaque as e:
        op['unrecordable'] = 'argument: %s' % e
    if any(orm_bound(v) for v in list(args_for_record) + list(kwargs_for_record.values())):
        op['unrecordable'] = "needs Django's ORM"
    record(op)
    queries = []

    def count_query(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    EXCHANGE_DEPTH += 1
    error = None
    answer = None
    try:
        with contextlib.ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(count_query))
            result = call()
            # Described inside: rendering a TemplateResponse may query the database too.
            if 'unrecordable' not in op:
                try:
                    answer = describe_response(result)
                except Opaque as e:
                    op['unrecordable'] = 'answer: %s' % e
    except BaseException as e:
        op['raises'] = {'type': type(e).__name__, 'message': str(e)}
        result, error = None, e
    finally:
        EXCHANGE_DEPTH -= 1
    if queries:
        op['unrecordable'] = "needs Django's ORM"
    elif error is None and 'unrecordable' not in op:
        op['result'] = answer
    if error is not None:
        raise error
    return result


def describe_match(path, urlconf):
    from django.urls import Resolver404, get_resolver

    try:
        match = get_resolver(urlconf).resolve(path)
    except Resolver404:
        return {'$opaque': 'no match in the urlconf: the handler answers 404'}
    view_class = getattr(match.func, 'view_class', None)
    out = [['view', view_id(match.func)], ['args', list(match.args)], ['kwargs', {'$dict': [[k, v] for k, v in match.kwargs.items()]}]]
    if view_class is not None:
        out.append(['class', class_id(view_class)])
        out.append(['initkwargs', {'$dict': [[k, enc_lenient(v) if not orm_bound(v) else {'$opaque': "needs Django's ORM"}]
                                           for k, v in match.func.view_initkwargs.items()]}])
    return {'$dict': out}


def instrument_exchanges(views):
    global TRACKED
    import functools

    from django.conf import settings
    from django.test import signals
    from django.test.client import Client
    from django.urls import get_resolver
    from django.views.generic import View

    ENCODE_HOOKS.append(encode_request)
    TRACKED = (View,)

    def on_render(sender, template=None, **kwargs):
        if current is not None and EXCHANGE_DEPTH > 0 and template is not None and template.name:
            TEMPLATES_BY_TEST.setdefault(current['id'], {})[template.name] = template.source

    signals.template_rendered.connect(on_render, weak=False)

    # The test client: one op per request; its environ is kept by request() for the op.
    original_request = Client.request
    environs = []

    def request(self, **environ):
        full = self._base_environ(**environ)
        environs.append((describe_environ(full), full['PATH_INFO']))
        return original_request(self, **environ)

    Client.request = request
    for method in ('get', 'post', 'head', 'options', 'put', 'patch', 'delete', 'trace'):
        fn = getattr(Client, method)

        def client_call(self, *args, _fn=fn, _method=method, **kwargs):
            if current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
                return _fn(self, *args, **kwargs)
            environs.clear()
            urlconf = getattr(settings, 'ROOT_URLCONF')
            op = {'op': 'fn', 'name': 'django.test.Client.request', 'urlconf': urlconf}
            try:
                return run_exchange(op, lambda: _fn(self, *args, **kwargs), [], {})
            finally:
                if environs:
                    request_desc, path_info = environs[0]
                    match = describe_match(path_info, urlconf)
                    op['args'] = [request_desc, match]
                    if '$opaque' in match:
                        op['unrecordable'] = match['$opaque']
                    elif orm_bound(getattr(get_resolver(urlconf).resolve(path_info).func, 'view_class', None)):
                        op['unrecordable'] = "needs Django's ORM"
                    if 'unrecordable' in op:
                        op.pop('result', None)
                        op.pop('raises', None)

        client_call.__wrapped__ = fn
        setattr(Client, method, client_call)

    # as_view(): the call itself (its keyword checks raise), and the view function it returns.
    original_as_view = View.__dict__['as_view'].__func__
    classonly = type(View.__dict__['as_view'])

    def as_view(cls, *args, **initkwargs):
        record_it = current is not None and EXCHANGE_DEPTH == 0 and from_test_module()
        if record_it:
            op = {'op': 'fn', 'name': 'django.views.View.as_view'}
            try:
                op['args'] = [{'$dict': [['class', class_id(cls)]]}] + [enc(a, False) for a in args]
                op['kwargs'] = {k: enc(v, False) for k, v in initkwargs.items()}
            except Opaque as e:
                op['unrecordable'] = 'argument: %s' % e
            if any(orm_bound(v) for v in initkwargs.values()):
                op['unrecordable'] = "needs Django's ORM"
            record(op)
            try:
                view = original_as_view(cls, *args, **initkwargs)
            except BaseException as e:
                op['raises'] = {'type': type(e).__name__, 'message': str(e)}
                raise
            op['result'] = {'$dict': [['view_class', class_id(cls)]]}
        else:
            view = original_as_view(cls, *args, **initkwargs)

        def recorded_view(request, *a, **k):
            if current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
                return view(request, *a, **k)
            op = {'op': 'fn', 'name': 'django.views.View.as_view()'}
            try:
                desc = {'$dict': [['class', class_id(cls)], ['initkwargs', {'$dict': [[n, enc(v, False)] for n, v in initkwargs.items()]}]]}
            except Opaque:
                desc = None
                op['unrecordable'] = 'as_view() keywords are not data'
            return run_exchange(op, lambda: view(request, *a, **k), [request, *a], k, [desc])

        functools.update_wrapper(recorded_view, view)
        return recorded_view

    View.as_view = classonly(as_view)

    # A view instance a test makes and drives itself (View(), view.setup(), view.dispatch()…).
    original_init = View.__init__

    def init(self, **kwargs):
        if current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
            return original_init(self, **kwargs)
        op = {'op': 'new', 'type': type(self).__qualname__, 'args': [], 'kwargs': {k: enc_lenient(v) for k, v in kwargs.items()}}
        if orm_bound(type(self)):
            op['unrecordable'] = "needs Django's ORM"
        record(op)
        original_init(self, **kwargs)
        op['result'] = enc(self)
        return None

    View.__init__ = init

    class RecordedMethod:
        """A view's bound method as test code sees it: calling it is an op; it equals the method."""

        def __init__(self, view, name, method):
            self.view, self.name, self.method = view, name, method

        def __eq__(self, other):
            return self.method == (other.method if isinstance(other, RecordedMethod) else other)

        def __hash__(self):
            return hash(self.method)

        def __call__(self, *args, **kwargs):
            if current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
                return self.method(*args, **kwargs)
            try:
                target = enc(self.view, False)
            except Opaque:
                return self.method(*args, **kwargs)
            op = {'op': 'call', 'target': target['$ref'], 'name': self.name}
            if orm_bound(type(self.view)):
                op['unrecordable'] = "needs Django's ORM"
            return run_exchange(op, lambda: self.method(*args, **kwargs), args, kwargs)

    original_getattribute = View.__getattribute__

    def getattribute(self, name):
        value = original_getattribute(self, name)
        if name.startswith('_') or current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
            return value
        if isinstance(value, types.MethodType):
            return RecordedMethod(self, name, value)
        if callable(value):
            return value
        try:
            target = enc(self, False)
        except Opaque:
            return value
        op = {'op': 'get', 'target': target['$ref'], 'name': name}
        try:
            op['result'] = encode_context_value(value)
        except Opaque as e:
            op['unrecordable'] = 'answer: %s' % e
            op['result'] = None
        if orm_bound(value):
            op['unrecordable'] = "needs Django's ORM"
        record(op)
        return value

    View.__getattribute__ = getattribute

    original_setattr = View.__setattr__

    def setattribute(self, name, value):
        if name.startswith('_') or current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
            return original_setattr(self, name, value)
        try:
            target = enc(self, False)
        except Opaque:
            return original_setattr(self, name, value)
        op = {'op': 'set', 'target': target['$ref'], 'name': name, 'value': enc_lenient(value)}
        if orm_bound(type(self)):
            op['unrecordable'] = "needs Django's ORM"
        record(op)
        return original_setattr(self, name, value)

    View.__setattr__ = setattribute

    if not views:
        instrument_shortcut_functions()


def instrument_shortcut_functions():
    """django.shortcuts' functions called by a test: fn ops (with the urlconf they reverse in)."""
    import django.shortcuts

    for name in ('render', 'redirect', 'resolve_url', 'get_object_or_404', 'get_list_or_404'):
        fn = getattr(django.shortcuts, name)

        def shortcut(*args, _fn=fn, _name=name, **kwargs):
            if current is None or EXCHANGE_DEPTH > 0 or not from_test_module():
                return _fn(*args, **kwargs)
            op = {'op': 'fn', 'name': 'django.shortcuts.' + _name}
            attach_urlconf(op, None)
            return run_exchange(op, lambda: _fn(*args, **kwargs), args, kwargs)

        shortcut.__wrapped__ = fn
        setattr(django.shortcuts, name, shortcut)
        # Test modules imported the names before instrumenting (`from django.shortcuts import …`).
        for module in list(sys.modules.values()):
            if getattr(module, '__file__', None) and module.__file__.startswith(TESTS_DIR) \
                    and getattr(module, name, None) is fn:
                setattr(module, name, shortcut)



# ---------------------------------------------------------------------------------------------
# Middleware: one case per call a test makes into a middleware (`mw(request)`,
# `mw.process_request(request)`, `process_view`, `process_response`), recorded as data — the
# request's inputs, the settings, the view's responses — with Django's answer: the response
# (status, headers, cookies, body) or None, whether the view ran, and CSRF's rejection reason.

MIDDLEWARE_SETTINGS = (
    'ALLOWED_HOSTS', 'APPEND_SLASH', 'PREPEND_WWW', 'DEBUG', 'DISALLOWED_USER_AGENTS', 'X_FRAME_OPTIONS',
    'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SECURE_CONTENT_TYPE_NOSNIFF',
    'SECURE_BROWSER_XSS_FILTER', 'SECURE_SSL_REDIRECT', 'SECURE_SSL_HOST', 'SECURE_REDIRECT_EXEMPT',
    'SECURE_REFERRER_POLICY', 'SECURE_PROXY_SSL_HEADER', 'USE_X_FORWARDED_HOST', 'USE_X_FORWARDED_PORT',
    'CSRF_COOKIE_NAME', 'CSRF_COOKIE_AGE', 'CSRF_COOKIE_DOMAIN', 'CSRF_COOKIE_PATH', 'CSRF_COOKIE_SECURE',
    'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE', 'CSRF_HEADER_NAME', 'CSRF_TRUSTED_ORIGINS',
    'CSRF_USE_SESSIONS', 'SESSION_COOKIE_DOMAIN', 'IGNORABLE_404_URLS', 'MANAGERS', 'ROOT_URLCONF',
)
MW_STACK = []  # the middleware ops under way (a view may call another middleware)
MW_REQUESTS = {}  # id(request) -> number, across the whole run (numbers never repeat)
MW_KEEP = []


def mw_setting(value):
    import re
    if isinstance(value, re.Pattern):
        return {'$regex': value.pattern}
    if isinstance(value, (list, tuple)):
        return [mw_setting(v) for v in value]
    return enc_lenient(value)


def mw_settings():
    """The middleware settings that differ from Django's defaults (tests/test_sqlite.py's or a test's own)."""
    from django.conf import global_settings, settings
    out = {}
    for name in MIDDLEWARE_SETTINGS:
        value = getattr(settings, name, None)
        if not hasattr(global_settings, name) or value != getattr(global_settings, name):
            out[name] = mw_setting(value)
    return out


META_OUTPUTS = ('CSRF_COOKIE', 'CSRF_COOKIE_USED', 'wsgi.input', 'wsgi.errors', 'wsgi.version',
                'wsgi.multiprocess', 'wsgi.multithread', 'wsgi.run_once', 'wsgi.file_wrapper')


def mw_request(request):
    """A request's inputs as data. Raises Opaque for a request class with Python methods."""
    from django.core.handlers.wsgi import WSGIRequest
    from django.http import HttpRequest
    cls = type(request)
    # A test's own request class is data when what it overrides is: is_secure() (recorded as
    # `secure`) and how POST is read (recorded as `POST`, or `POST_raises`).
    data_members = {'__init__', '__module__', '__qualname__', '__doc__', 'is_secure', 'POST', '_get_post',
                    '_set_post', '_load_post_and_files'}
    for c in cls.__mro__[:cls.__mro__.index(HttpRequest)]:
        if c is not WSGIRequest and set(vars(c)) - data_members:
            raise Opaque('a request class with Python methods (%s: %s)' % (
                cls.__name__, ', '.join(sorted(set(vars(c)) - data_members))))
    if id(request) not in MW_REQUESTS:
        MW_REQUESTS[id(request)] = len(MW_REQUESTS) + 1
        MW_KEEP.append(request)
    def text(v):
        v = v if isinstance(v, str) else str(v)
        # 'x' * 100000 (a cookie too long to be a token) as data, not 100 kB of it.
        return {'$repeat': v[0], 'times': len(v)} if len(v) > 256 and v == v[0] * len(v) else v

    meta = {k: text(v) for k, v in request.META.items() if k not in META_OUTPUTS and isinstance(v, (str, int))}
    spec = {
        'id': MW_REQUESTS[id(request)],
        'class': cls.__name__,
        'method': request.method,
        'path': request.path,
        'path_info': request.path_info,
        'META': meta,
        'COOKIES': {k: text(v) for k, v in request.COOKIES.items()},
        'secure': request.is_secure(),
    }
    if 'POST' in request.__dict__ or '_post' in request.__dict__:
        try:
            spec['POST'] = [[k, v] for k, vs in request.POST.lists() for v in vs]
        except OSError as e:
            spec['POST_raises'] = {'type': type(e).__name__, 'message': str(e)}
    if isinstance(request, WSGIRequest) and request.META.get('wsgi.input') is not None and '_body' not in request.__dict__:
        try:
            spec['body'] = bytes_value(stream_bytes(request.META['wsgi.input']))
        except Opaque:
            pass
    if getattr(request, 'urlconf', None) is not None:
        spec['urlconf'] = request.urlconf
    if getattr(request, '_dont_enforce_csrf_checks', False):
        spec['dont_enforce_csrf_checks'] = True
    for name, value in request.__dict__.items():
        if not name.startswith('_') and name not in ('GET', 'POST', 'COOKIES', 'META', 'FILES', 'path', 'path_info',
                                                     'method', 'resolver_match', 'content_type', 'content_params',
                                                     'session', 'urlconf', 'environ', 'csrf_processing_done',
                                                     'csrf_cookie_needs_reset', 'encoding', 'upload_handlers'):
            spec.setdefault('attributes', {})[name] = enc_lenient(value)
    return spec


CSRF_TOKEN_RE = None


def csrf_labels(seeds):
    """CSRF tokens are random: each one is replaced by the secret it unmasks to, named."""
    import re
    from django.middleware.csrf import _unmask_cipher_token
    global CSRF_TOKEN_RE
    if CSRF_TOKEN_RE is None:
        CSRF_TOKEN_RE = re.compile(r'^[A-Za-z0-9]{32}(?:[A-Za-z0-9]{32})?$')
    names = {}

    def secret(token):
        return _unmask_cipher_token(token) if len(token) == 64 else token

    for label, token in seeds:
        if isinstance(token, str) and CSRF_TOKEN_RE.match(token):
            names.setdefault(secret(token), label)

    def label(token):
        s = secret(token)
        if s not in names:
            names[s] = 'new%d' % (sum(1 for v in names.values() if v.startswith('new')) + 1)
        return '{csrf %s %s}' % (names[s], 'masked' if len(token) == 64 else 'bare')

    return label


def csrf_labels_for(spec, request):
    """Names for the tokens of a call on `request`: its cookie's, its form's, its header's, its current one."""
    from django.conf import settings
    post = dict(spec.get('POST', []))
    return csrf_labels([('cookie', spec['COOKIES'].get(settings.CSRF_COOKIE_NAME)),
                        ('post', post.get('csrfmiddlewaretoken')),
                        ('header', spec['META'].get(settings.CSRF_HEADER_NAME)),
                        ('current', request.META.get('CSRF_COOKIE'))])


def mw_response(response, csrf_label=None, gunzip=True):
    """A response as data: status, headers, cookies, body (gunzipped when gzipped), streaming."""
    import gzip
    name = getattr(getattr(response, 'file_to_stream', None), 'name', None)
    if isinstance(name, str) and os.path.abspath(name).startswith(TESTS_DIR):
        raise Opaque("a FileResponse of Django's test sources (not committed)")
    headers = [[k.lower(), v] for k, v in response.items()]
    if response.streaming:
        chunks = list(response.streaming_content)
        response.streaming_content = chunks
        content = b''.join(chunks)
    else:
        content = response.content
    out = {'status': response.status_code, 'streaming': bool(response.streaming)}
    cookies = []
    for morsel in response.cookies.values():
        text = morsel.OutputString()
        if morsel['max-age'] != '' and morsel['expires']:
            # expires = now + max-age: the clock, not behaviour.
            text = text.replace('expires=%s; ' % morsel['expires'], '').replace('; expires=%s' % morsel['expires'], '')
        if csrf_label is not None and morsel.key == __import__('django.conf').conf.settings.CSRF_COOKIE_NAME and morsel.value:
            text = text.replace('%s=%s' % (morsel.key, morsel.value), '%s=%s' % (morsel.key, csrf_label(morsel.value)), 1)
        cookies.append(text)
    if gunzip and response.get('Content-Encoding') == 'gzip' and content[:2] == b'\x1f\x8b':
        out['gzip'] = {'mtime': int.from_bytes(content[4:8], 'little')}
        content = gzip.decompress(content)
    if csrf_label is not None:
        import re
        content = re.sub(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"',
                         lambda m: b'name="csrfmiddlewaretoken" value="' + csrf_label(m[1].decode()).encode() + b'"',
                         content)
    out['headers'] = {'$dict': sorted(headers)}
    out['cookies'] = cookies
    out['body'] = bytes_value(content)
    if getattr(response, 'xframe_options_exempt', None) is not None:
        out['xframe_options_exempt'] = response.xframe_options_exempt
    return out


def mw_view_id(view):
    name = view_id(view)
    if getattr(view, 'csrf_exempt', False):
        name += ' [csrf_exempt]'
    return name


def mw_class(mw):
    cls = type(mw)
    base = next(c for c in cls.__mro__ if c.__module__.startswith('django.middleware'))
    out = {'class': cls.__name__, 'base': base.__name__}
    overrides = {}
    for c in cls.__mro__:
        if c is base:
            break
        for name, value in vars(c).items():
            if not name.startswith('__'):
                overrides[name] = {'$callable': view_id(value)} if callable(value) and not isinstance(value, type) \
                    else {'$class': value.__name__} if isinstance(value, type) else enc_lenient(value)
    if overrides:
        out['overrides'] = overrides
    return out


def wrap_middleware_method(name, fn):
    def wrapper(self, *args, **kwargs):
        if current is None or not from_test():
            return fn(self, *args, **kwargs)
        from django.conf import settings
        from django.http.response import HttpResponseBase
        op = {'op': 'fn', 'name': '%s.%s' % (type(self).__name__, name), 'args': [], 'kwargs': {}}
        op.update({'middleware': mw_class(self), 'mw_settings': mw_settings(), 'views': [], 'view_calls': 0})
        mw = op
        is_csrf = mw['middleware']['base'] == 'CsrfViewMiddleware'
        try:
            request = args[0] if args else kwargs['request']
            mw['request'] = mw_request(request)
            get_response = getattr(self, '_recorded_view', None)
            if get_response is not None:
                mw['view'] = get_response
            if name == 'process_view':
                mw['callback'] = mw_view_id(args[1])
            if name == 'process_response':
                mw['response'] = mw_response(args[1])
            urlconf = getattr(request, 'urlconf', None) or settings.ROOT_URLCONF
            if mw['middleware']['base'] == 'CommonMiddleware' and urlconf:
                op['urlconf'] = urlconf
                MW_URLCONFS.add(urlconf)
        except Opaque as e:
            op['unrecordable'] = str(e)
            record(op)
            return fn(self, *args, **kwargs)
        record(op)
        label = None
        if is_csrf:
            label = csrf_labels_for(mw['request'], request)
        MW_STACK.append((op, label))
        try:
            result = fn(self, *args, **kwargs)
        except BaseException as e:
            op['raises'] = {'type': type(e).__name__, 'message': str(e)}
            raise
        finally:
            MW_STACK.pop()
        if 'unrecordable' in op:
            op['views'] = []
        elif isinstance(result, HttpResponseBase):
            answer = mw_response(result, label)
            answer['view_calls'] = op.pop('view_calls')
            if 'csrf_reject' in op:
                answer['csrf_reject'] = op.pop('csrf_reject')
                # Django's page, not reins' (the reason is compared instead).
                answer.pop('body')
                answer['headers'] = {'$dict': [h for h in answer['headers']['$dict']
                                               if h[0] not in ('content-length', 'content-type')]}
            # Plain dicts are $dict pairs, as everywhere in a fixture (compared without order).
            if 'gzip' in answer:
                answer['gzip'] = {'$dict': list(answer['gzip'].items())}
            op['result'] = {'$dict': [[k, v] for k, v in answer.items()]}
        else:
            op['result'] = enc_lenient(result)
        return result

    wrapper.__wrapped__ = fn
    wrapper.__name__ = name
    return wrapper


MW_URLCONFS = set()


def record_csrf_call(name, fn, request):
    """A test calling a CSRF view or get_token(): the request, and the answer with its tokens named."""
    from django.http.response import HttpResponseBase
    op = {'op': 'fn', 'name': name, 'args': [], 'kwargs': {},
          'middleware': {'class': name, 'base': 'CsrfViewMiddleware'}, 'mw_settings': mw_settings()}
    try:
        op['request'] = mw_request(request)
    except Opaque as e:
        op['unrecordable'] = str(e)
        record(op)
        return fn(request)
    label = csrf_labels_for(op['request'], request)
    record(op)
    try:
        result = fn(request)
    except BaseException as e:
        op['raises'] = {'type': type(e).__name__, 'message': str(e)}
        raise
    if isinstance(result, HttpResponseBase):
        answer = mw_response(result, label)
        op['result'] = {'$dict': [[k, v] for k, v in answer.items()]}
    else:
        op['result'] = label(result)
    return result


def describe_mw_urlconf(name):
    """A urlconf for CommonMiddleware: each route, whether it is a regex, and @no_append_slash."""
    from django.urls import get_resolver
    from django.urls.resolvers import RegexPattern, RoutePattern
    out = []
    for p in get_resolver(name).url_patterns:
        entry = {'route': str(p.pattern._route) if isinstance(p.pattern, RoutePattern) else str(p.pattern._regex),
                 'kind': 'path' if isinstance(p.pattern, RoutePattern) else 're_path', 'view': view_id(p.callback)}
        if getattr(p.callback, 'should_append_slash', True) is False:
            entry['no_append_slash'] = True
        out.append(entry)
    return out


def django_middleware_file():
    import django.middleware.security
    return django.middleware.security.__file__


def instrument_middleware():
    import django.middleware.csrf
    from django.middleware.clickjacking import XFrameOptionsMiddleware
    from django.middleware.common import BrokenLinkEmailsMiddleware, CommonMiddleware
    from django.middleware.csrf import CsrfViewMiddleware
    from django.middleware.gzip import GZipMiddleware
    from django.middleware.http import ConditionalGetMiddleware
    from django.middleware.security import SecurityMiddleware
    from django.utils.deprecation import MiddlewareMixin

    init = MiddlewareMixin.__init__

    def __init__(self, get_response=None):
        # Only a test's own middleware: the test client's handler builds a chain too.
        # (SecurityMiddleware's own __init__ calls this one: its caller's caller then.)
        depth = 3 if sys._getframe(1).f_code.co_filename.startswith(os.path.dirname(django_middleware_file())) else 2
        if current is not None and callable(get_response) and from_test(depth):
            view = get_response

            def recorded_view(request, _view=view):
                response = _view(request)
                if MW_STACK:
                    op, label = MW_STACK[-1]
                    op['view_calls'] += 1
                    try:
                        op['views'].append(mw_response(response, label, gunzip=False))
                    except Opaque as e:
                        op['unrecordable'] = 'the view returns %s' % e
                return response

            self._recorded_view = view_id(view)
            return init(self, recorded_view)
        return init(self, get_response)

    MiddlewareMixin.__init__ = __init__
    MiddlewareMixin.__call__ = wrap_middleware_method('__call__', MiddlewareMixin.__call__)
    for cls in (XFrameOptionsMiddleware, BrokenLinkEmailsMiddleware, CommonMiddleware, CsrfViewMiddleware,
                GZipMiddleware, ConditionalGetMiddleware, SecurityMiddleware):
        for name in ('process_request', 'process_view', 'process_response'):
            if name in vars(cls):
                setattr(cls, name, wrap_middleware_method(name, vars(cls)[name]))

    # csrf_tests call its views (which use the token) and get_token() directly too.
    import functools
    import csrf_tests.views

    def recorded_call(name, fn):
        @functools.wraps(fn)
        def wrapper(request):
            if current is None or not from_test():
                return fn(request)
            return record_csrf_call(name, fn, request)
        return wrapper

    for name in ('token_view', 'non_token_view_using_request_processor', 'ensure_csrf_cookie_view',
                 'post_form_view'):
        setattr(csrf_tests.views, name, recorded_call('csrf_tests.views.' + name, getattr(csrf_tests.views, name)))
    django.middleware.csrf.get_token = recorded_call('django.middleware.csrf.get_token', django.middleware.csrf.get_token)

    reject = CsrfViewMiddleware._reject

    def _reject(self, request, reason):
        if MW_STACK:
            MW_STACK[-1][0]['csrf_reject'] = reason
        return reject(self, request, reason)

    CsrfViewMiddleware._reject = _reject


INSTRUMENT = {'http': instrument_http, 'urls': instrument_urls, 'templates': instrument_templates, 'middleware': instrument_middleware}
INSTRUMENT.update({'views': lambda: instrument_exchanges(views=True), 'shortcuts': lambda: instrument_exchanges(views=False)})

# ---------------------------------------------------------------------------------------------
# Running


def write_fixture(fixture, f):
    """JSON with one line per test (and per urlconf): small, and a re-recording diffs by test."""
    compact = {'ensure_ascii': False, 'separators': (',', ':')}
    f.write('{\n')
    for key in ('generated_by', 'recorded_by', 'django_tests', 'module'):
        f.write(' %s: %s,\n' % (json.dumps(key), json.dumps(fixture[key], **compact)))
    for key in ('urlconfs', 'templates', 'tests'):
        if key not in fixture:
            continue
        items = list(fixture[key].items())
        f.write(' %s: {\n' % json.dumps(key))
        for i, (name, value) in enumerate(items):
            f.write('  %s: %s%s\n' % (json.dumps(name), json.dumps(value, **compact), ',' if i < len(items) - 1 else ''))
        f.write(' }%s\n' % (',' if key != 'tests' else ''))
    f.write('}\n')


def main():
    global TESTS_DIR, current
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--tests', required=True, help="Django 3.2.25's tests/ directory")
    parser.add_argument('--only', help='record only these comma-separated test modules (for debugging)')
    parser.add_argument('suites', nargs='*', default=list(SUITES))
    options = parser.parse_args()
    TESTS_DIR = os.path.abspath(options.tests) + os.sep
    if len(options.suites) > 1:
        # One process per suite: the instrumentation of one would record (and perturb) another.
        import subprocess
        for suite in options.suites:
            args = [sys.executable, os.path.abspath(__file__), '--tests', options.tests, suite]
            subprocess.run(args, check=True)
        return
    if 'DJANGO_TESTS' not in os.environ:
        os.environ['DJANGO_TESTS'] = TESTS_DIR
        os.execv(sys.executable, [sys.executable] + sys.argv)
    sys.path.insert(0, TESTS_DIR)
    os.chdir(TESTS_DIR)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'test_sqlite'
    import django
    import unittest

    import runtests

    results = {}
    original_run = unittest.TestCase.run

    def run(self, result=None):
        global current
        current = {'id': self.id(), 'ops': [], 'refs': {}, 'keep': []}
        REQUEST_STATE.clear()
        errors_before = len(result.errors) + len(result.failures) if result else 0
        try:
            return original_run(self, result)
        finally:
            outcome = 'pass'
            if result is not None:
                if len(result.errors) + len(result.failures) > errors_before:
                    outcome = 'fail'
                elif any(t is self for t, _ in result.skipped):
                    outcome = 'skipped'
            results[self.id()] = {'outcome': outcome, 'ops': current['ops']}
            current = None

    unittest.TestCase.run = run

    for suite in options.suites:
        if suite == 'middleware':
            # GZipMiddlewareTest's incompressible body is random bytes, drawn at import.
            __import__('random').seed(20)
        INSTRUMENT[suite]()
        labels = options.only.split(',') if options.only else SUITES[suite]['modules']
        failures = runtests.django_tests(
            verbosity=1, interactive=False, failfast=False, keepdb=False, reverse=False,
            test_labels=labels, debug_sql=False, parallel=1, tags=None, exclude_tags=None,
            test_name_patterns=None, start_at=None, start_after=None, pdb=False, buffer=False,
            timing=False,
        )
        out_dir = os.path.join(ROOT, SUITES[suite]['package'], 'test', 'fixtures')
        for module in labels:
            tests = {k: v for k, v in sorted(results.items()) if k.startswith(module + '.')}
            fixture = {
                'generated_by': 'Django %s' % django.get_version(),
                'recorded_by': 'tooling/django-suites/record.py',
                'django_tests': 'tests/%s.py of python-django 3.2.25 (Debian bookworm source package)' % module.replace('.', '/'),
                'module': module,
                'tests': tests,
            }
            if suite in ('views', 'shortcuts'):
                # The templates the exchanges rendered, by name (the replay's template loader).
                used = {}
                for test_id in tests:
                    used.update(TEMPLATES_BY_TEST.get(test_id, {}))
                fixture['templates'] = dict(sorted(used.items()))
            if suite in ('urls', 'shortcuts'):
                used = {op['urlconf'] for t in tests.values() for op in t['ops'] if isinstance(op.get('urlconf'), str)}
                fixture['urlconfs'] = reachable_urlconfs(used)
            if suite == 'middleware':
                used = {op['urlconf'] for t in tests.values() for op in t['ops'] if isinstance(op.get('urlconf'), str)}
                if used:
                    fixture['urlconfs'] = {name: describe_mw_urlconf(name) for name in sorted(used)}
            path = os.path.join(out_dir, 'django-suite-%s.json' % module.replace('.', '-').replace('_', '-'))
            with open(path, 'w') as f:
                write_fixture(fixture, f)
            ops = sum(len(t['ops']) for t in tests.values())
            print('%s: %d tests, %d recorded calls -> %s' % (module, len(tests), ops, os.path.relpath(path, ROOT)), file=sys.stderr)
        if failures:
            print('%s: %d Django tests failed under instrumentation' % (suite, failures), file=sys.stderr)


if __name__ == '__main__':
    main()
