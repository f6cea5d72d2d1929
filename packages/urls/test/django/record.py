"""Record Django's answers for urlconf.json (run with Debian's python3-django 3.2):
/usr/bin/python3 test/django/record.py > test/fixtures/extra-django.json (needs apt python3-django)"""
import json, os, sys
import django
from django.conf import settings

HERE = os.path.dirname(os.path.abspath(__file__))
spec = json.load(open(os.path.join(HERE, '..', 'fixtures', 'extra-urlconf.json')))
settings.configure(ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'])
django.setup()
from django.urls import path, re_path, include, resolve, reverse, Resolver404, NoReverseMatch

views = {}
def view_for(name):
    if name not in views:
        def v(request, *a, **k): return name
        v.__name__ = name
        views[name] = v
    return views[name]

def build(entries):
    out = []
    for e in entries:
        fn = re_path if e.get('kind') == 're_path' else path
        if 'include' in e:
            children = build(e['include'])
            if 'app_name' in e:
                inc = include((children, e['app_name']), namespace=e.get('namespace'))
            else:
                inc = include(children)
            out.append(fn(e['route'], inc, e.get('kwargs', {})))
        else:
            out.append(fn(e['route'], view_for(e['view']), e.get('kwargs', {}), name=e.get('name')))
    return out

urlpatterns = build(spec['urlpatterns'])

def tried_of(tried):
    return [[{'pattern': str(p.pattern), 'name': getattr(p, 'name', None)} for p in t] for t in tried]

resolves = []
for p in spec['resolve']:
    try:
        m = resolve(p)
        resolves.append({'path': p, 'match': {
            'view': m.func.__name__, 'args': list(m.args), 'kwargs': m.kwargs, 'url_name': m.url_name,
            'route': m.route, 'app_names': m.app_names, 'namespaces': m.namespaces, 'view_name': m.view_name,
            'tried': tried_of(m.tried)}})
    except Resolver404 as e:
        info = e.args[0]
        resolves.append({'path': p, 'error': 'Resolver404', 'remainder': info.get('path'),
                         'tried': tried_of(info['tried']) if 'tried' in info else None})

reverses = []
for c in spec['reverse']:
    out = dict(c)
    try:
        out['url'] = reverse(c['viewname'], args=c.get('args'), kwargs=c.get('kwargs'), current_app=c.get('current_app'))
    except NoReverseMatch as e:
        out['error'] = 'NoReverseMatch'; out['message'] = str(e)
    except Exception as e:
        out['error'] = type(e).__name__; out['message'] = str(e)
    reverses.append(out)

json.dump({'generated_by': 'Django ' + django.get_version(), 'resolve': resolves, 'reverse': reverses},
          sys.stdout, indent=1, ensure_ascii=False)
