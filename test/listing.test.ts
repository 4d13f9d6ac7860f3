// What the walk saw of each directory (src/listing.ts) must be what the file system says: moduleNameFor and
// projectTargetOf answer from it instead of asking.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listingOf } from '../src/listing.js';
import { selectFiles } from '../src/walk.js';
import { tempDir } from './helpers.js';

test('a listing says what existsSync and realpath say, and leaves a link to them', () => {
  const dir = tempDir('withify-listing-');
  const make = (path: string, text = '') => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  make('pkg/__init__.py');
  make('pkg/mod.py', 'x = 1\n');
  make('pkg/sub/pyproject.toml', '[project]\nrequires-python = ">=3.8"\n');
  make('pkg/sub/m.py');
  make('plain/a.py');
  make('elsewhere/__init__.py');
  make('elsewhere/pyproject.toml');
  make('elsewhere/b.py');
  mkdirSync(join(dir, 'linked'));
  // An `__init__.py` that is a link (to a file, and dangling), and a directory named `pyproject.toml`
  symlinkSync(join(dir, 'elsewhere', '__init__.py'), join(dir, 'linked', '__init__.py'));
  make('linked/c.py');
  mkdirSync(join(dir, 'dangling'));
  symlinkSync(join(dir, 'nowhere.py'), join(dir, 'dangling', '__init__.py'));
  make('dangling/d.py');
  mkdirSync(join(dir, 'odd', 'pyproject.toml'), { recursive: true });
  make('odd/e.py');
  // A directory reached through a link only (one the walk also reaches by its own path is listed there): its
  // real path is the target's
  const outside = tempDir('withify-listing-out-');
  writeFileSync(join(outside, 'f.py'), '');
  symlinkSync(outside, join(dir, 'via'));

  const { files } = selectFiles(['.'], { cwd: dir });
  assert.ok(files.length >= 8);
  const dirs = [dir, ...['pkg', 'pkg/sub', 'plain', 'elsewhere', 'linked', 'dangling', 'odd', 'odd/pyproject.toml', 'via'].map((d) => join(dir, d))];
  for (const d of dirs) {
    const l = listingOf(d);
    assert.ok(l, d);
    assert.equal(l.real, realpathSync.native(d), d);
    if (l.init !== undefined) assert.equal(l.init, existsSync(join(d, '__init__.py')), d);
    if (l.pyproject !== undefined) assert.equal(l.pyproject, existsSync(join(d, 'pyproject.toml')), d);
  }
  // What it knows, and what it leaves to the file system
  assert.deepEqual(listingOf(join(dir, 'pkg')), { real: realpathSync.native(join(dir, 'pkg')), init: true, pyproject: false });
  assert.equal(listingOf(join(dir, 'pkg', 'sub'))?.pyproject, true);
  assert.equal(listingOf(join(dir, 'plain'))?.init, false);
  assert.equal(listingOf(join(dir, 'linked'))?.init, undefined);
  assert.equal(listingOf(join(dir, 'dangling'))?.init, undefined);
  assert.equal(listingOf(join(dir, 'odd'))?.pyproject, true);
  assert.equal(listingOf(join(dir, 'via'))?.real, realpathSync.native(outside));
  // Not listed by the walk: nothing known
  assert.equal(listingOf(join(dir, 'pkg', 'mod.py')), undefined);

  // A later walk starts afresh: a package that lost its `__init__.py` is not one any more
  const again = tempDir('withify-listing-');
  mkdirSync(join(again, 'q'));
  writeFileSync(join(again, 'q', 'f.py'), '');
  selectFiles(['.'], { cwd: again });
  assert.equal(listingOf(join(dir, 'pkg')), undefined);
  assert.equal(listingOf(join(again, 'q'))?.init, false);
});
