#!/usr/bin/python3
"""Record what Python's zlib.compress(data) (Django's signing.dumps(..., compress=True)) writes
into fixtures/zlib-compress.json, for the inputs that zlib-compress.test.ts rebuilds.

Run with Debian's Python (its system zlib is the one Django uses there):

    /usr/bin/python3 packages/core/test/signing/record_zlib.py > packages/core/test/signing/fixtures/zlib-compress.json

The inputs come from a seeded generator that the test reimplements, so the fixture holds only the
answers: the compressed length, its SHA-256, and the bytes themselves when short.
"""
import hashlib
import json
import sys
import zlib

WORDS = ['{"', '":"', '","', '":', ',"', '}', '_auth_user_', 'id', 'hash', 'backend',
         'django.contrib.auth.backends.ModelBackend', 'visits', 'cart', '[', ']', '1', '42',
         '0123456789abcdef', 'e1b2c3d4', 'true', 'null', '\\u00e9', 'messages', '_language', 'en']
SIZES = [0, 1, 2, 3, 4, 5, 8, 13, 20, 40, 67, 100, 160, 300, 600, 1000, 2000, 4000, 8000, 16382]
KINDS = ['random', 'alphabet', 'json', 'runs', 'fibonacci']


class Rng:
    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state >> 8


def make(kind, n, seed):
    rng = Rng(seed)
    out = bytearray()
    if kind == 'random':
        while len(out) < n:
            out.append(rng.next() & 0xFF)
    elif kind == 'alphabet':
        size = 1 + rng.next() % 16
        while len(out) < n:
            out.append(97 + rng.next() % size)
    elif kind == 'json':
        while len(out) < n:
            out += WORDS[rng.next() % len(WORDS)].encode('latin-1')
    elif kind == 'runs':
        while len(out) < n:
            out += bytes([rng.next() & 0xFF]) * (1 + rng.next() % 300)
    else:
        # Symbol counts in the Fibonacci sequence, shuffled: Huffman codes deeper than deflate's
        # 15 bits, which zlib's gen_bitlen() then shortens.
        a, b = 1, 1
        for symbol in range(24):
            out += bytes([(seed + symbol * 7) & 0xFF]) * a
            a, b = b, a + b
        for i in range(len(out) - 1, 0, -1):
            j = rng.next() % (i + 1)
            out[i], out[j] = out[j], out[i]
    return bytes(out[:n])


vectors = []
for kind in KINDS:
    for n in SIZES:
        for seed in (1, 2, 3):
            data = make(kind, n, seed * 7919 + n)
            compressed = zlib.compress(data)
            vector = {'kind': kind, 'n': n, 'seed': seed * 7919 + n, 'length': len(compressed),
                      'sha256': hashlib.sha256(compressed).hexdigest()}
            if len(compressed) <= 96:
                vector['hex'] = compressed.hex()
            vectors.append(vector)
json.dump({'zlib': zlib.ZLIB_RUNTIME_VERSION, 'vectors': vectors}, sys.stdout, indent=1)
sys.stdout.write('\n')
