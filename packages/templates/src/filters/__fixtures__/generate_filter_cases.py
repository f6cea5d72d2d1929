"""Record what Django 3.2 renders for each filter case; writes django-filter-cases.json.

Run with Debian's Django 3.2: /usr/bin/python3 generate_filter_cases.py, then format the JSON with
`pnpm prettier --write` (until the lead adds **/__fixtures__/** to .prettierignore).
Values are tagged in JSON so the JS side can rebuild them: {"$date": "..."} is a naive datetime
(rendered with TZ=UTC), {"$safe": "..."} a SafeString, {"$nan"/"$inf"/"$-inf": true} floats,
and "$missing" as the value means the variable is absent from the context.
"""
import datetime
import json
import math
import os
import sys
import time

ZONE = os.environ.get('REINS_ZONE', 'UTC')
os.environ['TZ'] = ZONE
time.tzset()

import django
from django.conf import settings

settings.configure(
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates'}],
    TIME_ZONE=ZONE,
    USE_TZ=False,
)
django.setup()

from django.template import Context, Engine
from django.utils.safestring import SafeData, mark_safe

engine = Engine()
MISSING = object()
NO_ARG = object()
NOW = datetime.datetime(2024, 3, 5, 14, 7, 9)


def encode(value):
    if isinstance(value, SafeData):
        return {'$safe': str(value)}
    if isinstance(value, datetime.datetime):
        iso = value.isoformat()
        return {'$date': iso}
    if isinstance(value, float):
        if math.isnan(value):
            return {'$nan': True}
        if math.isinf(value):
            return {'$inf': value > 0}
        return value
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


cases = []


def case(name, flt, value, arg=NO_ARG, autoescape=True):
    if ZONE != 'UTC' and not name.startswith('zone-'):
        return
    cases.append((name, flt, value, arg, autoescape))


S = mark_safe
D = datetime.datetime

if ZONE != 'UTC':
    # Zone-sensitive date cases only, recorded by the run below with REINS_ZONE set.
    for zi, zd in enumerate([D(2024, 1, 15, 12, 30), D(2024, 7, 15, 0, 5), D(2024, 3, 10, 1, 59), D(2024, 3, 10, 3, 0),
                             D(2024, 11, 3, 0, 30), D(2024, 11, 3, 2, 30), D(1999, 12, 31, 23, 59, 59)]):
        case(f'zone-date-{zi}', 'date', zd, 'e I O r T U Z c P')
        case(f'zone-time-{zi}', 'time', zd, 'e O T Z')
    # 01:30 on 2024-11-03 happens twice in America/Chicago: Django prints no offset for it.
    for zi, zfmt in enumerate(['I', 'O', 'T', 'Z', 'U', 'r', 'c P']):
        case(f'zone-ambiguous-{zi}', 'date', D(2024, 11, 3, 1, 30), zfmt)
    for zi, (za, zb) in enumerate([(D(2024, 3, 9, 12), D(2024, 3, 10, 12)), (D(2024, 11, 2, 12), D(2024, 11, 3, 12))]):
        case(f'zone-timesince-{zi}', 'timesince', za, zb)

# ---- strings ----------------------------------------------------------------
for i, v in enumerate(["I'm \"here\"", 'a\\b', S('<a>\'x\''), '', None, 5]):
    case(f'addslashes-{i}', 'addslashes', v)
for i, v in enumerate(['hello', 'élan', '', S('<b>x'), 'ßa', 123, None, '😀x']):
    case(f'capfirst-{i}', 'capfirst', v)
for i, v in enumerate(['hello WORLD', "they're bill's friends from the UK", '1st 2nd 3RD', 'a-b_c d.e',
                       "o'neil mcdonald", 'ǆemal', 'straße', 'x9y', S('<b>é</b>'), 'ÉCOLE élève', None]):
    case(f'title-{i}', 'title', v)
for i, v in enumerate(['Hello <World>', 'ÀÉÎ', 'ß', None, True, 3.5, S('<B>')]):
    case(f'lower-{i}', 'lower', v)
    case(f'upper-{i}', 'upper', v)
for i, (v, a) in enumerate([('ab', 5), ('ab', '6'), ('abc', 6), ('abc', 7), ('abcd', 7), ('ab', 1),
                            ('😀', 4), (S('<b>'), 5), ('ab', 0), ('ab', -3)]):
    case(f'center-{i}', 'center', v, a)
    case(f'ljust-{i}', 'ljust', v, a)
    case(f'rjust-{i}', 'rjust', v, a)
case('ljust-bad-arg', 'ljust', 'ab', 'x')
for i, (v, a) in enumerate([('a string to be mangled', 'a'), ('a string', ' '), ('&amp;', ';'),
                            (S('&amp;'), ';'), (S('<a>&amp;'), 'a'), (123, '2'), ('abc', ''), ('aaa', 'aa')]):
    case(f'cut-{i}', 'cut', v, a)
for i, v in enumerate(['0800-FLOWERS', '1-800-Hello', 'ÄBC', S('<ab>'), '']):
    case(f'phone2numeric-{i}', 'phone2numeric', v)
case('phone2numeric-int', 'phone2numeric', 5)
for i, v in enumerate(["<script>alert('x') & \"y\"</script>", 'a\\b\n\r\t', '\u2028\u2029=-;`',
                       '\x00\x1f\x7f', 'ünïcode', S('<b>'), 12, None]):
    case(f'escapejs-{i}', 'escapejs', v)
for i, v in enumerate(['<a>&', S('<a>&amp;'), 5, None, ['<x>']]):
    case(f'escape-{i}', 'escape', v)
    case(f'force_escape-{i}', 'force_escape', v)
    case(f'safe-{i}', 'safe', v)
    case(f'escape-off-{i}', 'escape', v, autoescape=False)
for i, v in enumerate([['<a>', '&'], '<>', [1, None], []]):
    case(f'safeseq-{i}', 'safeseq', v)
# ---- slugify / urls -----------------------------------------------------------
for i, v in enumerate([' Jack & Jill like numbers 1,2,3 and 4 and silly characters ?%.$!/',
                       'Un \xe9l\xe9phant \xe0 l\'or\xe9e du bois', ' Héllo, Wörld!  x_y ', '--a--b__',
                       '__init__', 'ﬁ ligature ½', '日本語 text', 'tab\there\x1cfs', S('<b>x</b>'), 5, '']):
    case(f'slugify-{i}', 'slugify', v)
for i, (v, a) in enumerate([('fran\xe7ois & jill', NO_ARG), ('/test&"/me?/', NO_ARG),
                            ('/test&"/me?/', '/'), ('escape/slash', ''), ('a b+c~d_e.f-g', NO_ARG),
                            ('http://example.com/?x=1&y=2', ':/?=&'), ('😀', NO_ARG), (5, NO_ARG)]):
    case(f'urlencode-{i}', 'urlencode', v, a)
for i, v in enumerate(['/café/?q=a b', 'S\xf8r-Tr\xf8ndelag', "?test=1&me=2", '%20a%2', "a'b~(c)"]):
    case(f'iriencode-{i}', 'iriencode', v)
# ---- urlize --------------------------------------------------------------------
URLIZE = [
    'see https://example.com/x?y=1 and www.django.test or me@example.com.',
    'http://example.com', 'www.example.org', 'example.com', 'djangoproject.org/docs/',
    'info@djangoproject.org', '(see http://example.com/path).', '[http://example.com]',
    'http://example.com/foo(bar)', 'http://example.com/foo(bar', 'Go to djangoproject.com!',
    'http://example.com?x=1&y=<2>', 'foo@bar', '@foo.com', 'foo@.com', 'a@b@c.com',
    'http://127.0.0.1:8000/', 'https://[2001:db8::1]/', 'http://bücher.de/straße',
    'www.Example.COM/A%20b', 'http://example.com/%E2%98%83', 'email: bob@bücher.de',
    'Search for google.com/?q=! and see.', 'http://example.com/?q=a+b&amp;c=d',
    '<a href="http://x.com">x</a>', "'http://quoted.com'", 'ftp://not-linked.com',
    'http://example.com/trailing;:,.!', 'x.y', 'hello.world.com', 'www.a.b.c.dev',
    'http://example.com/' + 'a' * 40, 'mailto:me@example.com', 'javascript:alert(1).com',
    'http://www.example.com/&amp;', 'example.com&quot;', 'https://example.com/path?arg=%C3%A9',
    'unicode ünï.com', 'http://example.com/a b',
]
for i, v in enumerate(URLIZE):
    case(f'urlize-{i}', 'urlize', v)
    case(f'urlize-off-{i}', 'urlize', v, autoescape=False)
case('urlize-safe', 'urlize', S('<b>www.example.com</b> & http://x.com?a=1&b=2'))
case('urlize-safe-off', 'urlize', S('www.example.com & me@x.org'), autoescape=False)
for i, (v, a) in enumerate([('http://www.example.com/a/long/path', 15), ('www.example.com', 4),
                            ('www.example.com', 1), ('www.example.com', 0), ('http://x.com', 20),
                            ('see me@example.com', 5)]):
    case(f'urlizetrunc-{i}', 'urlizetrunc', v, a)
case('urlizetrunc-bad', 'urlizetrunc', 'x.com', 'x')
# ---- html text ------------------------------------------------------------------
STRIP = ['<p>Hi <b>there</b><br/>!</p>', '<p>Hi & "bye"</p>', 'a < b and c > d', '<<b>b>x</b>',
         '<script>alert(1)</script>after', '<style>p{}</style>x', '<!-- comment -->text',
         '<!DOCTYPE html><p>x</p>', '<?php echo 1 ?>y', 'x</b >y</ b>', '<a href="x>y">z</a>',
         '&amp; &lt; &#60; &#x3C; &foo; &', '<p>unterminated', 'text <b', '1 < 2 > 0',
         '<![CDATA[data]]>x', '<img src=x onerror=alert(1)//>', '</>a</ >b', '<br/ >c',
         '<p>Hi <b>there</b></p> &a', 'x<y', '<b>x</b>&#', '<a b="c"d>e</a>', '<svg/onload=x>t',
         '<scr<script>ipt>alert(1)</script>', '<p a=\'b\'>q</p>', S('<b>x</b>'), None, 5]
for i, v in enumerate(STRIP):
    case(f'striptags-{i}', 'striptags', v)
LB = ['line one\nline two\n\npara <two>', 'a\r\nb\rc\n\n\n\nd', '', '\n\nx\n\n', S('<b>a</b>\nb'),
      'one', 'x\n \ny', None, 5]
for i, v in enumerate(LB):
    case(f'linebreaks-{i}', 'linebreaks', v)
    case(f'linebreaks-off-{i}', 'linebreaks', v, autoescape=False)
    case(f'linebreaksbr-{i}', 'linebreaksbr', v)
    case(f'linebreaksbr-off-{i}', 'linebreaksbr', v, autoescape=False)
for i, v in enumerate(['one\n<two>\nthree', '\n'.join('l%d' % n for n in range(12)), '', S('<a>\nb'), 5]):
    case(f'linenumbers-{i}', 'linenumbers', v)
    case(f'linenumbers-off-{i}', 'linenumbers', v, autoescape=False)
# ---- truncation -------------------------------------------------------------------
TEXT = 'The quick brown fox jumped over the lazy dog.'
for n in [0, 1, 2, 3, 5, 10, 44, 45, 46, -1, 'x', '7']:
    case(f'truncatechars-{n}', 'truncatechars', TEXT, n)
    case(f'truncatewords-{n}', 'truncatewords', TEXT, n)
for i, (v, a) in enumerate([('e\u0301le\u0301gant cafe\u0301', 5), ('a\u0301b\u0301c\u0301d', 3), ('😀😀😀😀', 3),
                            ('  spaced   out\ntext  ', 10), ('  spaced   out\ntext  ', 2), ('abc', None),
                            (S('<b>abcdef</b>'), 4), ('Text…', 5), ('Text …', 1)]):
    case(f'truncatechars-x{i}', 'truncatechars', v, a)
    case(f'truncatewords-x{i}', 'truncatewords', v, a)
HTML = ['<p>one <a href="#">two - three <br>four</a> five</p>', '<p>abcdef <b>ghi</b></p>',
        '<b>abc</b>def<i>ghi</i>', '<p>x<br/>y<img src="a.png"/>z</p>', '<div><p>unclosed <b>bold',
        '<p>a < b and c</p>', '<<<<<<', 'plain text here', '<!-- c --><p>comment</p>',
        '<P>UPPER <B>case</B></P>', '<p>éé <b>üü</b> ææ</p>', '</p>stray close',
        'Hello <i>world</i>', '<a>1 2 3 4 5 6 7 8</a>', '<br>x y z']
for i, v in enumerate(HTML):
    for n in [0, 1, 2, 3, 4, 6, 10, 100]:
        case(f'truncatechars_html-{i}-{n}', 'truncatechars_html', v, n)
        case(f'truncatewords_html-{i}-{n}', 'truncatewords_html', v, n)
case('truncatewords_html-bad', 'truncatewords_html', '<p>a b</p>', 'x')
# ---- words -------------------------------------------------------------------------
for i, v in enumerate(['one two  three\nfour', '', '   ', 'a\xa0b', 'a\u2003b c', S('x y'), None, 123]):
    case(f'wordcount-{i}', 'wordcount', v)
WRAP = ['this is a long paragraph of text that really needs to be wrapped I\'m afraid',
        'this is a short paragraph of text.\n  But this line should be indented',
        'this is a short paragraph of text.\n  But this line should be indented\n\n\nblank lines',
        'averyveryverylongword and short ones', 'tabs\tare\texpanded here', 'a\r\nb\rc',
        '  leading spaces kept', 'trailing spaces   ', 'x\xa0y z', '']
for i, v in enumerate(WRAP):
    for n in [1, 5, 10, 14, 20, 80]:
        case(f'wordwrap-{i}-{n}', 'wordwrap', v, n)
case('wordwrap-zero', 'wordwrap', 'a b', 0)
case('wordwrap-bad', 'wordwrap', 'a b', 'x')
# ---- lists ---------------------------------------------------------------------------
for i, v in enumerate([['x', 'y', 'z'], [], 'abc', '', [None], [['a'], 'b'], {'a': 1}, None, 5, ['<a>'], S('<b>')]):
    case(f'first-{i}', 'first', v)
    case(f'last-{i}', 'last', v)
    case(f'length-{i}', 'length', v)
    case(f'length_is-{i}', 'length_is', v, 3)
    case(f'make_list-{i}', 'make_list', v)
case('length_is-bad', 'length_is', [1], 'x')
case('length_is-str', 'length_is', 'abc', '3')
case('length-emoji', 'length', '😀a')
JOIN = [(['x', 'y', 'z'], ', '), (['<a>', '<b>'], '<br>'), (['<a>', '<b>'], S('<br>')), ([1, 2, 3], ','),
        ('abc', '-'), ([], ','), ([S('<a>'), '<b>'], '&'), ({'k': 1, 'j': 2}, '/'), (None, ','), (5, ','),
        (['a', 'b'], 5), ([['a'], 'b'], ',')]
for i, (v, a) in enumerate(JOIN):
    case(f'join-{i}', 'join', v, a)
    case(f'join-off-{i}', 'join', v, a, autoescape=False)
SL = ['abcdefg', ['a', 'b', 'c', 'd', 'e']]
for i, v in enumerate(SL):
    for a in [':2', '1:', '::-1', '1:3', '-2:', ':-1', '0', '2', '::2', '5:1:-2', 'x', '1:2:3:4', '::0', '', ':', 1]:
        case(f'slice-{i}-{a}', 'slice', v, a)
case('slice-none', 'slice', None, ':2')
case('slice-int', 'slice', 123, ':2')
case('slice-dict', 'slice', {'a': 1}, ':1')
DS = [{'name': 'b', 'age': 30}, {'name': 'a', 'age': 20}, {'name': 'c', 'age': 25}, {'name': 'd', 'age': 20}]
case('dictsort-age', 'dictsort', DS, 'age')
case('dictsort-name', 'dictsort', DS, 'name')
case('dictsortreversed-age', 'dictsortreversed', DS, 'age')
case('dictsort-missing', 'dictsort', DS, 'nope')
case('dictsort-strings', 'dictsort', ['b', 'a'], 'x')
case('dictsort-mixed', 'dictsort', [{'a': 1}, {'a': 'x'}], 'a')
case('dictsort-none-key', 'dictsort', [{'a': 1}, {'a': None}], 'a')
case('dictsort-nested', 'dictsort', [{'a': {'b': 2}}, {'a': {'b': 1}}], 'a.b')
case('dictsort-private', 'dictsort', DS, '_age')
case('dictsort-index', 'dictsort', [['b', 2], ['a', 3], ['c', 1]], 1)
case('dictsort-index-str', 'dictsort', [['b', 2], ['a', 3]], '1')
case('dictsort-lists', 'dictsort', [{'a': [2, 1]}, {'a': [1, 5]}, {'a': [1, 2, 0]}], 'a')
case('dictsortreversed-name', 'dictsortreversed', DS, 'name')
case('dictsort-not-list', 'dictsort', 5, 'a')
case('dictsort-strkeys', 'dictsort', {'b': 1, 'a': 2}, 'x')
UL = [['States', ['Kansas', ['Lawrence', 'Topeka'], 'Illinois']], ['item 1', 'item 2'], [],
      ['<a>', ['<b>']], ['a', [], 'b'], [['x', 'y'], 'z'], 'ab', [S('<i>x</i>'), 3, None],
      ['a', ['b', ['c', ['d']]]]]
for i, v in enumerate(UL):
    case(f'unordered_list-{i}', 'unordered_list', v)
    case(f'unordered_list-off-{i}', 'unordered_list', v, autoescape=False)
# ---- numbers -------------------------------------------------------------------------
ADD = [(1, 2), ('5', '3'), (1.5, '1'), ('x', 1), ('foo', 'bar'), (None, '1'), ([1], [2]), ('1.5', 1),
       (2.5, 2.7), (True, 1), (S('<a>'), S('<b>')), (S('<a>'), '<b>'), ('<a>', S('<b>')), ('', 1),
       (float('nan'), 1), (D(2024, 1, 1), 1), ([1], 'a'), (-3, '-4'), ('  7 ', '1_000')]
for i, (v, a) in enumerate(ADD):
    case(f'add-{i}', 'add', v, a)
for i, (v, a) in enumerate([(21, 3), (21, 4), ('21', '7'), (0, 5), (-9, 3), (4.9, 2)]):
    case(f'divisibleby-{i}', 'divisibleby', v, a)
case('divisibleby-bad', 'divisibleby', 'x', 3)
case('divisibleby-zero', 'divisibleby', 4, 0)
for i, (v, a) in enumerate([(123, 1), (123, 2), (123, 3), (123, 4), (123, 0), ('123', '2'), ('x', 1),
                            (123, 'x'), (-123, 3), (-123, 4), (12.9, 1), ('', 1)]):
    case(f'get_digit-{i}', 'get_digit', v, a)
FF = [34.23234, 34.0, 34.26, 7, 0.5, 1.5, 2.5, -0.4, -0.5, -34.26, 0.0, -0.0, 1e-5, 1e16, 1.5e300,
      123456789.125, 0.045, 1.0005, '34.5', '1e3', 'abc', None, True, float('nan'), float('inf'),
      float('-inf'), '', [1], 12345678901234567890, '  2.5 ', 'inf', 66666.666, 0.0001, 100.0, 99.995]
for i, v in enumerate(FF):
    for a in [NO_ARG, 0, 1, 2, 3, -1, -2, -3, '2g', 'g', '-3g', 'x', '0']:
        case(f'floatformat-{i}-{"noarg" if a is NO_ARG else repr(a)}', 'floatformat', v, a)
for i, v in enumerate([0, 1, 1023, 1024, 1025, 1280, 1536, 10 * 1024, 1024 * 1024 - 1, 1024 * 1024,
                       1024 * 1024 * 50, 123456789, 1024 ** 3, 1024 ** 4, 1024 ** 5, 1024 ** 6, -1, -1024 * 1024,
                       '1024', '1.5', 'x', None, 1023.9, 1075, 1177, 1126, 1152, 1228]):
    case(f'filesizeformat-{i}', 'filesizeformat', v)
SF = [(7, '03d'), (3.14159, '.2f'), ('x', 's'), (42, '05d'), (3, '+d'), (255, 'x'), (255, '#X'),
      (8, 'o'), (8, '#o'), (3.7, 'd'), ('3', 'd'), (0.25, '.1f'), (0.35, '.1f'), (2.5, '.0f'),
      (1234.5678, 'e'), (1234.5678, '.2E'), (0.00001234, 'g'), (123456789.0, 'g'), (100000.0, 'g'),
      (1000000.0, 'g'), (0.0001, 'g'), (1.5, '#g'), (1.0, '.3g'), ([1, 2], 's'), ({'a': 1}, 's'),
      (None, 's'), (True, 'd'), ('abc', 'r'), ('abc', '10s'), ('abc', '-10s|'), ('abc', '.2s'),
      (-5, '05d'), (-5.5, '08.2f'), (5, ' d'), (65, 'c'), ('é', 'c'), (3.5, 'x'), ('x', 'd'),
      (1, 'z'), (1, ''), (1, '%'), (1, 'd%%'), ({'a': 5}, '(a)s'), ({'a': 5}, '(b)s'),
      (float('inf'), 'f'), (float('nan'), '+F'), (float('inf'), '08.2f'), (0.0, 'e'), (-0.0, 'f'),
      (1e300, 'f'), (5, '*d'), ('é', 'a'), (1.5, 'i'), (123, '.5d'), (9.9999, '.3g'), (0.5, '.0e'),
      ('s', 's s'), ([1], 'x'), (12, 'i %s')]
for i, (v, a) in enumerate(SF):
    case(f'stringformat-{i}', 'stringformat', v, a)
# ---- logic -----------------------------------------------------------------------------
for i, v in enumerate(['', 'x', 0, 1, [], None, False, {}, 0.0, S(''), '0', MISSING]):
    case(f'default-{i}', 'default', v, 'dflt')
    case(f'default_if_none-{i}', 'default_if_none', v, 'dflt')
for i, v in enumerate([True, False, None, 0, 1, '', 'x', [], MISSING]):
    for a in [NO_ARG, 'yeah,no,maybe', 'yeah,no', 'certainly', 'a,b,c,d', '<b>,n']:
        case(f'yesno-{i}-{"noarg" if a is NO_ARG else a}', 'yesno', v, a)
PL = [0, 1, 2, '1', '2', 'abc', [1], [1, 2], [], 1.0, 1.5, None, True, {'a': 1}, '', D(2024, 1, 1), -1, '1.0']
for i, v in enumerate(PL):
    for a in [NO_ARG, 'es', 'y,ies', 'a,b,c', ',', '']:
        case(f'pluralize-{i}-{"noarg" if a is NO_ARG else a}', 'pluralize', v, a)
# ---- json / pprint -------------------------------------------------------------------------
JS = [{'a': '</script>&', 'b': [1, 2]}, 'x<y', [1, 2.5, None, True, False], {'é': 'ünï 😀'},
      D(2024, 3, 5, 14, 7, 9), D(2024, 3, 5, 14, 7, 9, 123456), {'n': float('nan')}, '', 0, None,
      {'q': '"\\\n\t\x01\x7f'}, {1: 'int key'}]
for i, v in enumerate(JS):
    case(f'json_script-{i}', 'json_script', v, 'my-id')
case('json_script-id-escaped', 'json_script', 1, '<"id">')
PP = [{'b': 1, 'a': [1, 2]}, list(range(40)), {'k%d' % n: 'value number %d' % n for n in range(6)},
      'a long string ' * 10, ['a long string ' * 3, {'nested': ['x' * 30, 'y' * 30]}, 3], [[]], 'x',
      None, 1.5, {'z': {'y': 'x' * 70}, 'a': 1}, 'line one\nline two ' * 8, ["it's", 'a"b', "a'\"b"]]
for i, v in enumerate(PP):
    case(f'pprint-{i}', 'pprint', v)
# ---- dates ------------------------------------------------------------------------------------
DT = D(2024, 3, 5, 14, 7, 9)
for fmt in ['Y-m-d H:i:s', 'D, j M Y', 'l jS F y', 'N P A a g G h', 'z W t L n w', 'b c d e E f F',
            'I o O r S T U u Z', r'\Y\m\d Y', r'\\Y', 'jS', 'DATE_FORMAT', 'DATETIME_FORMAT',
            'SHORT_DATE_FORMAT', 'SHORT_DATETIME_FORMAT', 'YEAR_MONTH_FORMAT', 'MONTH_DAY_FORMAT',
            'TIME_FORMAT', 'FIRST_DAY_OF_WEEK', 'DECIMAL_SEPARATOR', '', 'x-k-q', 'B', NO_ARG]:
    case(f'date-{"noarg" if fmt is NO_ARG else fmt}', 'date', DT, fmt)
    case(f'time-{"noarg" if fmt is NO_ARG else fmt}', 'time', DT, fmt)
for i, d in enumerate([D(2024, 1, 1, 0, 0), D(2024, 1, 1, 12, 0), D(2024, 1, 1, 12, 30), D(2021, 11, 12, 0, 5),
                       D(2020, 12, 31, 23, 59, 59), D(2021, 1, 3), D(2019, 12, 30), D(2000, 2, 29, 9, 1),
                       D(1999, 1, 1, 1, 1, 1, 500000), D(2023, 6, 22), D(2024, 3, 13), D(2024, 3, 2, 21, 3)]):
    case(f'date-many-{i}', 'date', d, 'D N jS n/t L w z W o a A f g h P U')
    case(f'time-many-{i}', 'time', d, 'a A f g G h H i s u P')
for i, v in enumerate(['', None, 'not a date', 5, [1]]):
    case(f'date-bad-{i}', 'date', v, 'Y')
    case(f'date-bad-literal-{i}', 'date', v, r'\Y-')
    case(f'time-bad-{i}', 'time', v, 'H')
SINCE = [(D(2024, 3, 5, 14, 7, 9), DT), (D(2024, 3, 5, 14, 6, 0), DT), (D(2024, 3, 5, 13, 0, 0), DT),
         (D(2024, 3, 4, 14, 7, 9), DT), (D(2024, 2, 20), DT), (D(2023, 3, 5, 14, 7, 9), DT),
         (D(2021, 1, 1), DT), (D(2024, 3, 6), DT), (D(2020, 2, 29), D(2021, 2, 28)), (D(2020, 1, 1), D(2021, 1, 1)),
         (D(2019, 1, 1), D(2020, 1, 1)), (D(2024, 1, 1), D(2024, 1, 1, 0, 0, 59)), (D(2023, 1, 1), D(2023, 1, 31)),
         (D(2000, 1, 1), D(2024, 3, 5)), (D(2024, 3, 5, 14, 7, 8, 999999), DT)]
for i, (d, now) in enumerate(SINCE):
    case(f'timesince-{i}', 'timesince', d, now)
    case(f'timeuntil-{i}', 'timeuntil', now, d)
    case(f'timeuntil-rev-{i}', 'timeuntil', d, now)
for i, v in enumerate(['', None, 0, 'not a date']):
    case(f'timesince-bad-{i}', 'timesince', v, DT)
    case(f'timeuntil-bad-{i}', 'timeuntil', v, DT)
case('timesince-bad-arg', 'timesince', DT, 'x')

# ---- inputs taken from Django's own tests/template_tests/filter_tests (outputs recorded above) ----
DJANGO_URLIZE = [
    'http://example.com/?x=&y=', S('http://example.com?x=&amp;y=&lt;2&gt;'), S('a &amp; b'),
    "<script>alert('foo')</script>", 'Email me at me@example.com', 'Email me at <me@example.com>',
    'http://example.com/?x=&amp;y=&lt;2&gt;', 'http://google.com/', 'djangoproject.org/',
    'www.server.com"abc', "www.server.com'abc", 'www.server.com<abc', 'www.server.com>abc',
    'some.organization', 'http://hi.baidu.com/%E9%87%8D%E6%96%B0%E5%BC%80%E5%A7%8B',
    'www.mystore.com/30%OffCoupons!', 'https://en.wikipedia.org/wiki/Caf%C3%A9',
    'https://en.wikipedia.org/wiki/Café', 'https://en.wikipedia.org/wiki/Django_(web_framework)',
    '(see https://en.wikipedia.org/wiki/Django_(web_framework))', 'foo@bar.com or www.bar.com',
    'http://ça.ws', 'www.ça.ws', 'ça.org', 'info@ça.org', 'http:///www.google.com', 'http://.google.com',
    'http://@foo.com', 'usa.gov', 'email@.stream.ru', 'HTTPS://github.com/', '(Go to http://www.example.com/foo.)',
    'A test http://testing.com/example..', 'A test http://testing.com/example!!!',
    'A test http://testing.com/example.,:;)"!', 'http://example.com?x=&amp;', 'http://example.com?x=&amp;;',
    'http://example.com?x=&amp;;;', '[see www.example.com]', 'see test[at[example.com',
    '[http://168.192.0.1](http://168.192.0.1)', '(https://www.example.org/)', '<https://www.example.org/>',
    '[https://www.example.org/]', '"https://www.example.org/"', "'https://www.example.org/'",
    'http://192.168.0.15/api/9', 'http://[2001:db8:cafe::2]/api/9', 'before "hi@example.com" afterward',
    'before hi@example.com" afterward', "before 'hi@example.com afterward",
    'Email us at "hi@example.com", or phone us at +xx.yy', 'Go to djangoproject.com! and enjoy.',
    'Search for google.com/?q=! and see.', 'Search for google.com/?q=1&lt! and see.', 'foo@bar.com.',
    'http://www.foo.bar/', 'http://www.foo.bar/?q=1&amp;x=2', 'google.com/foo/bar?q=1&lt;x',
    'www.example.com/?x=&y=', 'www.example.com/with spaces', 'www.example.com/"', 'lopez@mid.com?foo=bar',
    'tel:+1-555-555', 'yes+this=is&a%valid!email@example.com', 'foo@localhost', 'foo@localhost.',
    'test@' + 'a' * 63 + '.com', 'test@' + 'a' * 64 + '.com', 'http://example.com/' + 'x' * 3000,
    'http://xn--a-5fa.ws', 'http://www.google.com/search?q=hello world&hl=en',
]
for i, v in enumerate(DJANGO_URLIZE):
    case(f'django-urlize-{i}', 'urlize', v)
    case(f'django-urlize-off-{i}', 'urlize', v, autoescape=False)
    case(f'django-urlizetrunc-{i}', 'urlizetrunc', v, 20)
DJANGO_FLOATFORMAT = [
    (7.7, NO_ARG), (0.7, NO_ARG), (-0.7, NO_ARG), (0.07, NO_ARG), (-0.07, NO_ARG), (0.007, NO_ARG),
    (7.7, 0), (7.7, 3), (6.2, 3), (6.2, -3), (13.1031, -3), (11.1197, -2), (11.000001, -2), (8.2798, 3),
    (5555.555, 2), (1.3, 2), (0.12345, 2), (13.1031, 'bar'), (18.125, 2), (-1.323297138040798e35, 2),
    (-1.323297138040798e35, -2), (1.5e-15, 20), (1.5e-15, -20), (1.00000000000000015, 16), ('1e199', NO_ARG),
    ('1.42', NO_ARG), (S('1.42'), NO_ARG), ('abc123', NO_ARG), ('123abc', 'bar'), ('¿Cómo esta usted?', NO_ARG),
    ('1e', NO_ARG), ('1e+', NO_ARG), ('e400', NO_ARG), ('1e^2', NO_ARG), ('1e2e3', NO_ARG), ('1e.2', NO_ARG),
    ('1e2.', NO_ARG), ('1+e2', NO_ARG), ({}, NO_ARG), ([], 'bar'), (10000, 'g'), (66666.666, '1g'),
    (10000, 'g2'), (66666.666, 'u2'), (0, 6), (0.000000000000000000015, 20), ('0.00', 0), ('0.0000', 2),
    (-0.01, -1), (-0.001, 2), (-0.499, 0), ('inf', NO_ARG), ('NaN', NO_ARG), ('1e200', NO_ARG), ('1E200', NO_ARG),
    ('1E10000000000000000', NO_ARG), ('-1e10000000000000000', NO_ARG), (1.2345, '2'), (15.2042, '-3'),
]
DJANGO_MISC = [
    ('truncatewords_html', '<i>Buenos d&iacute;as! &#x00bf;C&oacute;mo est&aacute;?</i>', 3),
    ('truncatewords_html', '\xc5ngstr\xf6m was here', 1), ('truncatewords_html', '<p>string</p>', 'a'),
    ('truncatechars_html', '<p>one <a href="#">two - three <br>four</a> five</p>', 0),
    ('truncatechars_html', '<p>one <a href="#">two - three <br>four</a> five</p>', 11),
    ('truncatechars_html', '<b>\xc5ngstr\xf6m</b> was here', 3), ('truncatechars_html', 'a<b>b</b>c', 2),
    ('wordwrap', 'a & b', 3), ('wordwrap', S('a & b'), 3), ('wordwrap', 123, 2),
    ('striptags', '<a>x</a> <p><b>y</b></p>', NO_ARG), ('striptags', S('<a>x</a> <p><b>y</b></p>'), NO_ARG),
    ('striptags', 'some <b>html</b> with <script>alert("You smell")</script> disallowed <img /> tags', NO_ARG),
    ('striptags', '<p>See: &#39;&eacute; is an apostrophe followed by e acute</p>', NO_ARG),
    ('linebreaks', 'line 1\r\nline 2', NO_ARG), ('linebreaks', 'line 1\rline 2', NO_ARG),
    ('linebreaksbr', 'line 1\r\nline 2', NO_ARG), ('linebreaksbr', 'line 1\rline 2', NO_ARG),
    ('unordered_list', ['item 1', ['item 1.1', ['item 1.1.1', ['item 1.1.1.1']]]], NO_ARG),
    ('unordered_list', ['States', ['Kansas', ['Lawrence', 'Topeka'], 'Illinois']], NO_ARG),
    ('slugify', ' Jack & Jill like numbers 1,2,3 and 4 and silly characters ?%.$!/', NO_ARG),
    ('slugify', 'Un \xe9l\xe9phant \xe0 l\'or\xe9e du bois', NO_ARG),
    ('title', 'a nice title, isn\'t it?', NO_ARG), ('title', 'discoth\xe8que', NO_ARG), ('title', '123', NO_ARG),
    ('title', 'all words capitalized', NO_ARG), ('capfirst', 'hello world', NO_ARG),
    ('join', ['alpha', 'beta & me'], ' &amp; '), ('join', ['alpha', 'beta & me'], S(' &amp; ')),
    ('join', ['<a>', '<img>', '</a>'], S('<br>')),
]
for i, (f, v, a) in enumerate(DJANGO_MISC):
    case(f'django-{f}-{i}', f, v, a)
    case(f'django-{f}-off-{i}', f, v, a, autoescape=False)
for i, (v, a) in enumerate(DJANGO_FLOATFORMAT):
    case(f'django-floatformat-{i}', 'floatformat', v, a)

# ---- seeded random strings over an alphabet of the characters these filters care about ----------
import random as _random

rng = _random.Random(3_2)
ALPHABET = list('ab Z9<>/&;#"\'=!.,:()[]@-_~?%\n\t') + ['<b>', '</b>', '<p>', '<!--', '-->', '&amp;', '&#', 'http://',
                                                      'www.', '.com', 'x@y.org', 'é', 'ß', '\u0301', '😀', '\xa0', '<script>',
                                                      '</script>', '<br/>', '<a href="', '&lt;', '\r\n', "'"]
for i in range(400):
    text = ''.join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
    case(f'fuzz-striptags-{i}', 'striptags', text)
    case(f'fuzz-urlize-{i}', 'urlize', text)
    case(f'fuzz-slugify-{i}', 'slugify', text)
    case(f'fuzz-title-{i}', 'title', text)
    case(f'fuzz-escapejs-{i}', 'escapejs', text)
    case(f'fuzz-truncatechars-{i}', 'truncatechars', text, rng.randint(0, 12))
    case(f'fuzz-truncatewords-{i}', 'truncatewords', text, rng.randint(0, 4))
    case(f'fuzz-truncatechars_html-{i}', 'truncatechars_html', text, rng.randint(0, 12))
    case(f'fuzz-truncatewords_html-{i}', 'truncatewords_html', text, rng.randint(1, 4))
    case(f'fuzz-wordwrap-{i}', 'wordwrap', text, rng.randint(1, 8))
    case(f'fuzz-linebreaks-{i}', 'linebreaks', text)
    case(f'fuzz-iriencode-{i}', 'iriencode', text)
    case(f'fuzz-pprint-{i}', 'pprint', [text * 3, {text: i}])

FMT_CHARS = list('aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ') + ['\\', ' ', '-', ':', 'x', 'k']
for i in range(200):
    n = rng.choice([rng.uniform(-1000, 1000), rng.uniform(-1, 1), round(rng.uniform(-100, 100), rng.randint(0, 4)),
                    rng.randint(-10**6, 10**6) / 8, rng.randint(-5000, 5000) / 1000, rng.expovariate(0.001)])
    if isinstance(n, float) and n.is_integer():
        n += 0.5  # an integral float would reach JS as an int (see the test's skip list)
    case(f'fuzz-floatformat-{i}', 'floatformat', n, rng.choice([-4, -3, -2, -1, 0, 1, 2, 3, 4, '2', '-2']))
    case(f'fuzz-stringformat-{i}', 'stringformat', n,
         rng.choice(['.0f', '.1f', '.2f', '.3f', 'e', '.3e', 'g', '.2g', '.10g', '#g', '010.3f', '+.1e', 'G', 'd', 's', 'r']))
    case(f'fuzz-filesizeformat-{i}', 'filesizeformat', int(rng.expovariate(1 / rng.choice([2000, 2 * 10**6, 3 * 10**9, 5 * 10**12]))))
    start = D(2000, 1, 1) + datetime.timedelta(seconds=rng.randint(0, 30 * 365 * 86400))
    end = start + datetime.timedelta(seconds=int(rng.expovariate(1 / rng.choice([100, 10**5, 10**7, 10**9]))))
    case(f'fuzz-timesince-{i}', 'timesince', start, end)
    case(f'fuzz-timeuntil-{i}', 'timeuntil', end, start)
    fmt = ''.join(rng.choice(FMT_CHARS) for _ in range(rng.randint(1, 8)))
    case(f'fuzz-date-{i}', 'date', start, fmt)
    case(f'fuzz-time-{i}', 'time', start, fmt)

# Case mapping across scripts (Latin, Greek with final sigma, Cyrillic, Armenian, ligatures, digraphs).
UNICODE_POOL = (list('aAzZßẞİıĳǅǆǈΣσςΐΰﬁﬀŉǰΆάЁёԱաևﬓ') + ['\u0345', '\u0301', ' ', "'", '1', '-', '²', 'Ⅷ', 'ⓐ', 'ǲ'])
for i in range(200):
    text = ''.join(rng.choice(UNICODE_POOL) for _ in range(rng.randint(1, 10)))
    for f in ('upper', 'lower', 'title', 'capfirst', 'slugify', 'make_list', 'length', 'wordcount'):
        case(f'fuzz-unicode-{f}-{i}', f, text)

# ---- render ------------------------------------------------------------------------------------
out = []
for name, flt, value, arg, autoescape in cases:
    ctx = {}
    if value is not MISSING:
        ctx['v'] = value
    src = '{{ v|%s%s }}' % (flt, '' if arg is NO_ARG else ':a')
    if arg is not NO_ARG:
        ctx['a'] = arg
    record = {'name': name, 'filter': flt, 'autoescape': autoescape}
    record['value'] = '$missing' if value is MISSING else encode(value)
    if arg is not NO_ARG:
        record['arg'] = encode(arg)
    try:
        template = engine.from_string(src if autoescape else '{% autoescape off %}' + src + '{% endautoescape %}')
        record['output'] = template.render(Context(ctx))
    except Exception as e:  # noqa: BLE001 - recording which exception Django raises
        record['error'] = type(e).__name__
    out.append(record)

from inspect import getfullargspec, unwrap
from django.template.defaultfilters import register

flags = {}
for fname, func in sorted(register.filters.items()):
    spec = getfullargspec(unwrap(func))
    args = [a for a in spec.args if a != 'autoescape']
    defaults = len(spec.defaults or ())
    if 'autoescape' in spec.args:
        defaults -= 1
    arity = 'none' if len(args) == 1 else ('optional' if defaults >= 1 else 'required')
    flags[fname] = {
        'isSafe': bool(getattr(func, 'is_safe', False)),
        'needsAutoescape': bool(getattr(func, 'needs_autoescape', False)),
        'expectsLocaltime': bool(getattr(func, 'expects_localtime', False)),
        'arg': arity,
    }

if ZONE != 'UTC':
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.exit(0)

# The zone-sensitive cases, recorded by this script in a second process with another TIME_ZONE.
import subprocess

for zone in ('America/Chicago', 'Europe/Paris', 'Asia/Kathmandu'):
    recorded = subprocess.run([sys.executable, os.path.abspath(__file__)], env={**os.environ, 'REINS_ZONE': zone},
                              capture_output=True, check=True, text=True).stdout
    for record in json.loads(recorded):
        record['name'] = f"{record['name']}-{zone}"
        record['zone'] = zone
        out.append(record)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'django-filter-cases.json'), 'w') as f:
    # One case per line keeps the file diffable and small.
    f.write('{"generated_by": %s,\n"flags": %s,\n"cases": [\n' % (
        json.dumps('Django %s on Python %s (src/filters/__fixtures__/generate_filter_cases.py)'
                   % (django.get_version(), sys.version.split()[0])),
        json.dumps(flags, separators=(',', ':'))))
    f.write(',\n'.join(json.dumps(record, ensure_ascii=False, separators=(',', ':')) for record in out))
    f.write('\n]}\n')
print(len(out), 'cases')
