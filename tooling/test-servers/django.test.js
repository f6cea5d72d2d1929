// @ts-check
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { missingDjango, runDjangoScript } from './django.js';

const dir = mkdtempSync(join(tmpdir(), 'reins-django-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('runDjangoScript hands the input as JSON and parses the answer', () => {
  const script = join(dir, 'echo.py');
  writeFileSync(
    script,
    'import json, sys\nprint(json.dumps([sys.argv[1:], json.load(sys.stdin)]))\n',
  );
  assert.deepEqual(runDjangoScript(script, ['a', 'b'], { input: { x: 'é' } }), [
    ['a', 'b'],
    { x: 'é' },
  ]);
});

test("a failing script's error names it and carries its stderr", () => {
  const script = join(dir, 'fail.py');
  writeFileSync(script, 'import sys\nsys.stderr.write("no such row\\n")\nsys.exit(3)\n');
  assert.throws(
    () => runDjangoScript(script, ['load']),
    /fail\.py load exited with 3:\nno such row/,
  );
});

test('a missing module is named with its Debian package; under CI it throws', () => {
  const saved = process.env['CI'];
  try {
    delete process.env['CI'];
    const message = missingDjango({ modules: ['reins_no_such_module'] });
    assert.match(
      message ?? '',
      /Django 3\.2 with reins_no_such_module is not installed for \/usr\/bin\/python3/,
    );
    assert.match(message ?? '', /apt-get install python3-django python3-reins_no_such_module/);
    process.env['CI'] = 'true';
    assert.throws(() => missingDjango({ modules: ['reins_no_such_module'] }), /CI must install it/);
  } finally {
    if (saved === undefined) delete process.env['CI'];
    else process.env['CI'] = saved;
  }
});
