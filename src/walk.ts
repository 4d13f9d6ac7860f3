// Expand the paths given on the command line into the Python files to process: ignore files, --include
// and --exclude globs, --changed-since and --shard all live here, behind `selectFiles`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globMatcher, toPosix, type PathMatcher } from './glob.js';
import { forgetListings, noteListing } from './listing.js';

/** Directory names never descended into (unless named on the command line). */
export const SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', '.bzr', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.withify_cache', '.eggs', 'build', 'dist', 'site-packages', '__pypackages__',
]);

export interface WalkError {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  errors: WalkError[];
  /**
   * Every file the paths cover before `--changed-since` and `--shard` narrow them, sorted: the project-wide
   * first pass reads these, so a generator defined in an unchanged file (or another shard) is still known.
   */
  projectFiles?: string[];
}

/** `--shard K/N`: this run covers shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Options that decide which files a run covers. */
export interface SelectOptions {
  /** Directory that paths, relative globs and shard hashing are relative to (and displayed paths, in a run). */
  cwd: string;
  /** Do not read `.gitignore`, `.git/info/exclude` or the global excludes file. */
  noIgnore?: boolean;
  /** Globs of files and directories to leave out, even when named explicitly. */
  exclude?: readonly string[];
  /**
   * Where the directories a file named explicitly lies in begin to count for `exclude` (default `cwd`): the
   * CLI gives the directory of the config file whose `exclude` it uses, so that `check b.py` run inside an
   * excluded `src/legacy/` leaves it out as a run from the root does.
   */
  excludeBase?: string;
  /** Globs a walked file must match (default: `*.py`). Files named explicitly need not match. */
  include?: readonly string[];
  /** Keep only files changed since this git revision, plus untracked files that are not ignored. */
  changedSince?: string;
  /** The run's cache directory, never walked (`RunOptions.cacheDir`). */
  cacheDir?: string;
  shard?: Shard;
  /**
   * What generator-close's project-wide first pass reads: `'project'` (default) every file of the project
   * the paths lie in (`projectRoot`), so a run over a few files sees what the rest of the project defines,
   * imports and overrides; `'run'` only the files the paths cover.
   */
  indexScope?: IndexScope;
}

export type IndexScope = 'project' | 'run';

/** A request the walk cannot serve (not a git repository, a bad revision, a bad shard): a usage error. */
export class SelectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectError';
  }
}

function isVirtualenv(dir: string): boolean {
  return existsSync(join(dir, 'pyvenv.cfg'));
}

// ---------------------------------------------------------------------------------------------------
// Globs

export { escapeGlob, globMatcher, type PathMatcher } from './glob.js';

// ---------------------------------------------------------------------------------------------------
// Ignore files

/** The rules of one ignore file, whose patterns are relative to `base`. */
interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

/**
 * The rules of one ignore file. `ignoreCase`: git's `core.ignorecase` (false unless the repository's config says
 * true, as git sets it on a case-insensitive file system): `*.PY` does not ignore `app.py` on Linux.
 */
function readIgnoreFile(path: string, base: string, ignoreCase: boolean, inTree = false): IgnoreLevel | undefined {
  let text: string;
  try {
    // (A `.gitignore` of the tree that is a symbolic link: git 2.32 and later does not follow it, review rv54a)
    if (inTree && lstatSync(path).isSymbolicLink()) return undefined;
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // absent or unreadable: git ignores it too
  }
  return { base, rules: ignore({ allowRelativePaths: true, ignorecase: ignoreCase }).add(text) };
}

/** `core.ignorecase` of the repository at `root` (false when unset). */
function gitIgnoresCase(root: string): boolean {
  const r = git(['config', '--bool', '--get', 'core.ignorecase'], root);
  return r.ok && r.stdout.trim() === 'true';
}

/** Later levels win, as in git: global excludes, then info/exclude, then `.gitignore` from the root down. */
function isIgnored(levels: readonly IgnoreLevel[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = toPosix(relative(level.base, path));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
    const r = level.rules.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/**
 * The variables that point git at one repository (of git's own `local_repo_env`, which `git submodule foreach` clears):
 * a hook gets `GIT_INDEX_FILE` (and in a linked worktree `GIT_DIR`), which asked of a submodule or another checkout
 * read the superproject's (review rv54a). They are kept for the repository the run starts in (a bare repository's work
 * tree, `GIT_DIR=~/.dotfiles GIT_WORK_TREE=~`, is found only through them; review rv54d) and cleared for any other;
 * config given by variables (`GIT_CONFIG_COUNT`, a CI's `safe.directory`) is kept for all.
 */
const REPO_ENV = ['GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_OBJECT_DIRECTORY', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE', 'GIT_INDEX_FILE', 'GIT_NO_REPLACE_OBJECTS', 'GIT_REPLACE_REF_BASE', 'GIT_PREFIX', 'GIT_SHALLOW_FILE', 'GIT_COMMON_DIR'];

/** The working directory of the run whose files are being selected (`selectFiles`): its repository keeps git's variables. */
let runCwd: string | undefined;

/** True when git run in `cwd` asks another repository than the one holding the run's working directory. */
function foreignRepo(cwd: string): boolean {
  const start = runCwd ?? process.cwd();
  // (Outside any checkout, the repository the variables name: `GIT_WORK_TREE`'s, else the one git finds from where the
  // run starts; a checkout elsewhere, named on the command line, is another, review rv54e)
  const tree = process.env.GIT_WORK_TREE;
  const home = realOrSelf(findRepoRoot(start) ?? (tree ? resolve(start, tree) : start));
  const here = findRepoRoot(cwd);
  return here !== undefined ? realOrSelf(here) !== home : !isWithin(home, realOrSelf(cwd));
}

/** git was ended by a signal (Ctrl-C while it listed the changed files): the run ends as interrupted. */
export class GitInterrupted extends Error {
  constructor(readonly signal: string) {
    super(`git was interrupted (${signal})`);
    this.name = 'GitInterrupted';
  }
}

function git(args: readonly string[], cwd: string): { ok: boolean; stdout: string; stderr: string } {
  const env = foreignRepo(cwd) ? Object.fromEntries(Object.entries(process.env).filter(([k]) => !REPO_ENV.includes(k))) : process.env;
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
  if (r.error) return { ok: false, stdout: '', stderr: r.error.message };
  if (r.signal === 'SIGINT' || r.signal === 'SIGTERM') throw new GitInterrupted(r.signal);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

/** The directory holding `.git` at or above `dir`, if any. */
export function findRepoRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** `core.excludesFile`, or git's default `$XDG_CONFIG_HOME/git/ignore` (`~/.config/git/ignore`). */
function globalExcludesFile(root: string): string {
  const configured = git(['config', '--path', '--get', 'core.excludesFile'], root);
  const value = configured.ok ? configured.stdout.trim() : '';
  if (value) return value.startsWith('~/') ? join(homedir(), value.slice(2)) : resolve(root, value);
  const xdg = process.env.XDG_CONFIG_HOME;
  return join(xdg ? xdg : join(homedir(), '.config'), 'git', 'ignore');
}

/** `.git/info/exclude`, wherever this checkout keeps it (a worktree's `.git` is a file). */
function infoExcludeFile(root: string): string {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return join(dotGit, 'info', 'exclude');
  } catch {
    // fall through to asking git
  }
  const asked = git(['rev-parse', '--git-path', 'info/exclude'], root);
  return asked.ok ? resolve(root, asked.stdout.trim()) : join(dotGit, 'info', 'exclude');
}

/** Builds and caches the ignore levels that apply inside a directory. */
class IgnoreRules {
  private readonly repoLevels = new Map<string, IgnoreLevel[]>();
  /** `core.ignorecase` of the repository the walk is in (the first one met; false outside any). */
  private ignoreCase = false;

  constructor(private readonly enabled: boolean) {}

  /** Levels that apply to entries of `dir` when the walk starts at `dir`: the repo's, and `.gitignore` files from its root down. */
  startingAt(dir: string): IgnoreLevel[] {
    if (!this.enabled) return [];
    const root = findRepoRoot(dir);
    // Outside a git repository the `.gitignore` files of the directory named and below still count.
    if (root === undefined) return this.enter([], dir);
    let levels = this.forRepo(root);
    const chain: string[] = [];
    for (let d = resolve(dir); d !== root && dirname(d) !== d; d = dirname(d)) chain.unshift(d);
    levels = this.enter(levels, root);
    for (const d of chain) {
      // Ex) `withify check generated/` where `.gitignore` has `generated/`: naming it walks it, with
      // only the `.gitignore` files inside it (the rules above would ignore every file in it).
      if (isIgnored(levels, d, true)) return this.enter([], resolve(dir));
      levels = this.enter(levels, d);
    }
    return levels;
  }

  /** The levels for the entries of `dir`, the root of a repository met in the walk: its own, whatever is above it. */
  enterRepo(dir: string): IgnoreLevel[] {
    if (!this.enabled) return [];
    return this.enter(this.forRepo(dir), dir);
  }

  /** The levels for the entries of `dir`, given those of its parent. */
  enter(parent: IgnoreLevel[], dir: string): IgnoreLevel[] {
    if (!this.enabled) return parent;
    const own = readIgnoreFile(join(dir, '.gitignore'), dir, this.ignoreCase, true);
    return own ? [...parent, own] : parent;
  }

  private forRepo(root: string): IgnoreLevel[] {
    let levels = this.repoLevels.get(root);
    if (!levels) {
      if (this.repoLevels.size === 0) this.ignoreCase = gitIgnoresCase(root);
      levels = [readIgnoreFile(globalExcludesFile(root), root, this.ignoreCase), readIgnoreFile(infoExcludeFile(root), root, this.ignoreCase)].filter(
        (l): l is IgnoreLevel => l !== undefined,
      );
      this.repoLevels.set(root, levels);
    }
    return levels;
  }
}

// ---------------------------------------------------------------------------------------------------
// The walk

/** The matchers are called with paths joined onto `paths` as given: selectFiles passes absolute ones. */
export interface ExpandOptions {
  noIgnore?: boolean;
  exclude?: PathMatcher;
  /**
   * The working directory: a file named explicitly is excluded when it, or a directory it lies in below
   * `base`, matches `exclude` (`--exclude src/gen` leaves out `src/gen/g.py` named on the command line).
   */
  base?: string;
  /** Default: the name ends in `.py`. */
  include?: PathMatcher;
  /** The real path of a directory never walked: the run's cache (`--cache-dir` inside the tree, review rv54a). */
  skipDir?: string;
}

/**
 * True when `exclude` matches the file `abs` named explicitly, or a directory it lies in below `base`; by the path as
 * given or by its real path (`$PWD/src/legacy/b.py` through a linked checkout, where the globs of a config file found
 * from the working directory are real paths).
 */
function excludedAsNamed(abs: string, excluded: PathMatcher, tops: readonly string[], real = realOrSelf(abs)): boolean {
  for (const path of real === abs ? [abs] : [abs, real]) {
    if (excluded(path)) return true;
    for (const top of tops) {
      for (let d = dirname(path); d !== top && isWithin(d, top) && d !== dirname(d); d = dirname(d)) if (excluded(d)) return true;
    }
  }
  return false;
}

/** The base of `excludedAsNamed`, as given and as its real path (a linked checkout). */
const basesOf = (base: string | undefined): string[] => (base === undefined ? [] : [...new Set([resolve(base), realOrSelf(base)])]);

/**
 * True when `exclude` (of --exclude or [tool.withify]) leaves out `path` (relative to `cwd`) as it would leave
 * out that file named on the command line. Ex) `fix - --stdin-filename gen/z.py --exclude gen`: echoed unchanged
 */
export function excludedByName(path: string, options: Pick<SelectOptions, 'exclude' | 'cwd' | 'excludeBase'>): boolean {
  if (!options.exclude?.length) return false;
  return excludedAsNamed(resolve(options.cwd, path), globMatcher(options.exclude, options.cwd), basesOf(resolve(options.cwd, options.excludeBase ?? '.')));
}

/**
 * Files under `paths`. A directory is walked in name order, skipping SKIPPED_DIRS, virtualenvs, ignored and
 * excluded entries, and any directory already seen (symlink loops). A file named explicitly is kept
 * whatever its name and whatever the ignore files say; only --exclude leaves it out.
 */
export function expandPaths(paths: readonly string[], options: ExpandOptions = {}): WalkResult {
  // Each file with its real path, so one reached by two paths is processed once; `viaLink`: the path goes
  // through a symbolic link (to the file, or to a directory on the way); `metLink`: the walk reached it through a
  // link it met (not one named).
  const found: Array<{ path: string; real: string; viaLink: boolean; metLink?: boolean }> = [];
  const errors: WalkError[] = [];
  const seenDirs = new Set<string>();
  // The real paths of the directories (with a trailing separator) and files the walks left out (ignored, excluded,
  // always skipped, a virtualenv). A link met in a walk does not lead into them, whichever path named first met it
  // (`check src .` as `check . src`), as git does not look through a link either; a path named is walked as asked.
  const leftOut = { dirs: [] as string[], files: new Set<string>() };
  // (Not what lies in a directory named inside one left out: `check . vendor` with `vendor/tool.py -> bin/tool`)
  const named: string[] = [];
  const intoLeftOut = (real: string) =>
    leftOut.files.has(real) || leftOut.dirs.some((d) => real.startsWith(d) && !named.some((n) => n.startsWith(d) && real.startsWith(n)));
  // Linked directories are entered after the rest of the walk, so that a directory the walk also reaches by
  // its own path is listed under that path (`pkg/a.py`, not `linkdir/a.py`).
  const linkedDirs: Array<{ dir: string; levels: IgnoreLevel[] }> = [];
  const rules = new IgnoreRules(!options.noIgnore);
  const excluded = options.exclude ?? (() => false);
  const included = options.include ?? ((p: string) => p.endsWith('.py'));
  // A file named on the command line: itself, and the directories it lies in below the base, as the walk
  // would have met them.
  const tops = basesOf(options.base);
  const excludedNamed = (p: string, real: string): boolean => excludedAsNamed(resolve(p), excluded, tops, real);
  // `levels`: for a directory named explicitly, its own (`startingAt`); for one met in the walk (`met`), its
  // parent's: its own `.gitignore`, and whether it is a virtualenv, are read from its listing (a file looked
  // for in each of a site-packages' 3,000 directories cost more than listing them).
  // `realDir`: the real path when it is known (a directory that is no link, in one whose real path is known).
  const visit = (dir: string, levels: IgnoreLevel[], viaLink: boolean, met: boolean, metLink: boolean, realDir?: string) => {
    let real: string;
    try {
      real = realDir ?? realpathSync.native(dir);
    } catch (err) {
      errors.push({ path: dir, reason: (err as Error).message });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a directory named twice
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
      noteListing(dir, real, entries);
    } catch (err) {
      // (A directory that can be searched but not listed is still known for a virtualenv by its `pyvenv.cfg`.)
      if (!met || !isVirtualenv(dir)) errors.push({ path: dir, reason: `cannot list directory: ${(err as Error).message}` });
      return;
    }
    if (met) {
      if (entries.some((e) => e.name === 'pyvenv.cfg') && isVirtualenv(dir)) {
        leftOut.dirs.push(real + sep);
        return;
      }
      // Ex) a submodule, or a clone inside the checkout: git reads neither the outer repository's ignore files in it
      // nor the outer `info/exclude`, but its own (review rw3: `fix .` skipped `sm/x_gen.py`, which git tracks there,
      // and rewrote `sm/z.py`, which the submodule's `info/exclude` lists)
      if (entries.some((e) => e.name === '.git')) levels = rules.enterRepo(dir);
      else if (entries.some((e) => e.name === '.gitignore')) levels = rules.enter(levels, dir);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      const isLink = e.isSymbolicLink();
      if (isLink) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      // (By its real path too, where it differs only by a link above it: `check $PWD/src` in a linked checkout,
      // against the globs of a config found from the real working directory)
      const own = isLink ? undefined : join(real, e.name);
      const excludedHere = () => excluded(full) || (own !== undefined && own !== full && excluded(own));
      if (isDir) {
        // (A virtualenv is left out once listed, in `visit`.)
        if (SKIPPED_DIRS.has(e.name) || e.name.endsWith('.egg-info') || (options.skipDir !== undefined && (own ?? realOrSelf(full)) === options.skipDir) || isIgnored(levels, full, true) || excludedHere()) {
          if (own !== undefined) leftOut.dirs.push(own + sep);
          continue;
        }
        if (isLink) linkedDirs.push({ dir: full, levels });
        else visit(full, levels, viaLink, true, metLink, own);
      } else if (isFile && included(full)) {
        if (isIgnored(levels, full, false) || excludedHere()) {
          if (own !== undefined) leftOut.files.add(own);
          continue;
        }
        // Ex) a FIFO or socket named `x.py`: only regular files are read
        found.push({ path: full, real: isLink ? realOrSelf(full) : own!, viaLink: viaLink || isLink, metLink: metLink || isLink });
      }
    }
  };
  // Paths that are links last: `check alias pkg` (alias → pkg) walks `pkg` first, so that its files keep the
  // path without a link (a directory is walked once, by the first path that reaches it)
  const linksLast = [...paths].sort((a, b) => Number(isLinkPath(a)) - Number(isLinkPath(b)));
  for (const p of linksLast) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push({ path: p, reason: 'no such file or directory' });
      continue;
    }
    // A directory named explicitly is walked whatever --exclude says (only what is found in it is matched).
    if (st.isDirectory()) {
      named.push(realOrSelf(p) + sep);
      visit(p, rules.startingAt(p), isLinkPath(p), false, false);
    }
    else if (!st.isFile()) errors.push({ path: p, reason: 'not a regular file (a FIFO, socket or device); withify reads only files' });
    else {
      const real = realOrSelf(p);
      if (!excludedNamed(p, real)) found.push({ path: p, real, viaLink: isLinkPath(p) });
    }
  }
  for (let i = 0; i < linkedDirs.length; i++) {
    const { dir, levels } = linkedDirs[i]!;
    // Ex) `src/vendor_link -> ../vendor` with `vendor/` in .gitignore: `fix .` rewrote vendor/v.py
    if (intoLeftOut(realOrSelf(dir) + sep)) continue;
    visit(dir, levels, true, true, true);
  }
  // A file reached by several paths: the first that goes through no link, else the first.
  const chosen = new Map<string, { path: string; viaLink: boolean }>();
  for (const f of found) {
    // (A file named on the command line is processed as named; one met through a link in a walk is not, when it
    // is, or lies in a directory, that walk left out: `src/v_link.py -> ../vendor/v.py`)
    if (f.metLink && intoLeftOut(f.real)) continue;
    const had = chosen.get(f.real);
    if (!had || (had.viaLink && !f.viaLink)) chosen.set(f.real, f);
  }
  return { files: [...chosen.values()].map((f) => f.path), errors };
}

/** True when `p` is a symbolic link itself (a link in a parent directory named on the command line counts as the user's choice). */
function isLinkPath(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// --changed-since and --shard

/** Absolute real paths of files changed since `rev` in the repository holding `cwd`, plus untracked ones. */
export function changedFiles(rev: string, cwd: string, under?: readonly string[]): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok && /ENOENT/.test(top.stderr)) throw new SelectError('--changed-since needs git, and `git` is not on the PATH');
  // (Git's own reason when it is not that: `detected dubious ownership in repository …` names its fix, review rv54a)
  if (!top.ok) throw new SelectError(/not a git repository/i.test(top.stderr) || !top.stderr.trim() ? `--changed-since needs a git repository, and ${cwd} is not in one` : `--changed-since: git cannot use the repository of ${cwd}: ${top.stderr.trim()}`);
  const root = realpathSync(top.stdout.trim());
  if (rev.startsWith('-')) throw new SelectError(`--changed-since: "${rev}" is not a revision`);
  const verified = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
  if (!verified.ok) throw new SelectError(`--changed-since: git knows no revision "${rev}" in ${root}`);
  const diff = git(['diff', '--name-only', '--no-renames', '-z', rev, '--'], root);
  if (!diff.ok) throw new SelectError(`--changed-since: git diff ${rev} failed: ${diff.stderr.trim()}`);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (!untracked.ok) throw new SelectError(`--changed-since: git ls-files failed: ${untracked.stderr.trim()}`);
  const names = `${diff.stdout}${untracked.stdout}`.split('\0').filter(Boolean);
  const out = new Set<string>();
  askedNested.clear();
  askedNested.add(root);
  addListed(root, names, out, under);
  addSubmoduleChanges(root, verified.stdout.trim(), out, under);
  return out;
}

/**
 * The paths git listed in the repository at `root` (`names`, relative), added to `out`; an untracked directory that
 * is a checkout of its own (`nested/`, a clone inside the project: git lists it as one entry) stands for every file
 * of it, as new as the directory.
 */
function addListed(root: string, names: readonly string[], out: Set<string>, under: readonly string[] | undefined): void {
  for (const n of names) {
    const path = join(root, n);
    if (!n.endsWith('/') || !existsSync(join(path, '.git'))) {
      out.add(path);
      continue;
    }
    if (under && !under.some((p) => isWithin(p, path) || isWithin(path, p))) continue;
    // (Each nested checkout once: a listing that names a checkout already asked, as one could when git was pointed
    // elsewhere, recursed without end)
    const real = realOrSelf(path);
    if (askedNested.has(real)) continue;
    askedNested.add(real);
    const all = git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], path);
    if (!all.ok) throw new SelectError(`--changed-since: git failed in the nested repository ${path}: ${all.stderr.trim()}`);
    addListed(path, all.stdout.split('\0').filter(Boolean), out, under);
    addSubmoduleChanges(path, undefined, out, under);
  }
}

/** The nested checkouts `addListed` asked in this `changedFiles`, by real path. */
const askedNested = new Set<string>();

/**
 * The paths of the repository at `root` that hold another repository: its submodules (`.gitmodules`) and the
 * gitlinks its index records without one (`git add nested` of a clone: mode 160000).
 */
function nestedRepoPaths(root: string): string[] {
  const paths = new Set<string>();
  if (existsSync(join(root, '.gitmodules'))) {
    const listed = git(['config', '--file', '.gitmodules', '-z', '--get-regexp', '^submodule\\..*\\.path$'], root);
    if (listed.ok) for (const entry of listed.stdout.split('\0').filter(Boolean)) paths.add(entry.slice(entry.indexOf('\n') + 1));
  }
  const staged = git(['ls-files', '--stage', '-z'], root);
  if (staged.ok) {
    for (const entry of staged.stdout.split('\0')) {
      if (entry.startsWith('160000 ')) paths.add(entry.slice(entry.indexOf('\t') + 1));
    }
  }
  return [...paths];
}

/**
 * The changes inside the checked-out submodules of the repository at `root` (and theirs, nested), which `git diff`
 * in `root` shows as one gitlink at most: for each, the files changed in its working tree since the commit `rev`
 * (of `root`) records for it, plus its untracked files. Where that commit cannot be had (the submodule was added
 * since `rev`, or the commit was never fetched), every file of the submodule. `rev` undefined: every file. Only
 * submodules that hold one of `under` (absolute paths), or lie in one, are asked.
 */
function addSubmoduleChanges(root: string, rev: string | undefined, out: Set<string>, under: readonly string[] | undefined): void {
  for (const rel of nestedRepoPaths(root)) {
    const dir = join(root, rel);
    if (!existsSync(join(dir, '.git'))) continue; // not checked out: no file to walk
    if (under && !under.some((p) => isWithin(p, dir) || isWithin(dir, p))) continue;
    const recorded = rev === undefined ? undefined : git(['rev-parse', '--verify', '--quiet', `${rev}:${rel}`], root);
    const commit = recorded?.ok ? recorded.stdout.trim() : undefined;
    const known = commit !== undefined && git(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], dir).ok;
    const lists = known
      ? [git(['diff', '--name-only', '--no-renames', '-z', commit, '--'], dir), git(['ls-files', '--others', '--exclude-standard', '-z'], dir)]
      : [git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], dir)];
    const failed = lists.find((r) => !r.ok);
    if (failed) throw new SelectError(`--changed-since: git failed in the submodule ${dir}: ${failed.stderr.trim()}`);
    addListed(dir, lists.flatMap((r) => r.stdout.split('\0')).filter(Boolean), out, under);
    addSubmoduleChanges(dir, known ? commit : undefined, out, under);
  }
}

/**
 * The repository `--changed-since` asks for the files of `repo`: the one holding `cwd` when `repo` is a submodule
 * of it (nested or not), so that REV names a commit of the repository the run starts in; else `repo` itself.
 */
function askedRepo(repo: string, cwd: string): string {
  const top = findRepoRoot(cwd);
  if (top === undefined || repo === top) return repo;
  const realTop = realOrSelf(top);
  for (let d = realOrSelf(repo); d !== realTop && isWithin(d, realTop); ) {
    const sup = git(['rev-parse', '--show-superproject-working-tree'], d);
    const above = sup.ok ? sup.stdout.trim() : '';
    if (!above) return repo; // a checkout of its own (a nested clone): asked on its own, REV its own
    d = realOrSelf(above);
    if (d === realTop) return top;
  }
  return repo;
}

/** `2/4` → { index: 2, count: 4 }; undefined when it is not of that form with 1 ≤ K ≤ N. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** The first four bytes of the SHA-256 of `text` (UTF-8), as an unsigned big-endian integer. */
export function pathHash(text: string): number {
  return createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
}

/**
 * The shard (1-based) a file belongs to: a hash of its path relative to `cwd`, with `/` separators. A
 * hash, not the file's index in the list, so adding or removing files never moves the others. A relative
 * `path` is read from `cwd`, as the CLI reads it from where `--shard` runs.
 * Ex) a script in another directory asking of each path `git ls-files` prints in `cwd`
 */
export function shardOf(path: string, cwd: string, count: number): number {
  return (pathHash(toPosix(relative(cwd, resolve(cwd, path)))) % count) + 1;
}

/** What marks the top of a project, as Black finds it: a repository, or a pyproject.toml. */
const ROOT_MARKERS = ['.git', '.hg', 'pyproject.toml'];

/** `dir` is `path` or one of the directories it lies in. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * The project the (absolute) paths lie in: from the deepest directory holding them all, upward, the first
 * with a `.git`, `.hg` or `pyproject.toml`; undefined when there is none. The home directory and the
 * filesystem's root are never one (a home directory kept in git is no project to walk whole).
 */
export function projectRoot(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const dirOf = (p: string) => {
    try {
      return statSync(p).isDirectory() ? p : dirname(p);
    } catch {
      return dirname(p);
    }
  };
  let common = dirOf(paths[0]!);
  for (const p of paths.slice(1)) {
    const d = dirOf(p);
    while (!isWithin(d, common)) common = dirname(common);
  }
  const home = homedir();
  for (let d = common; d !== dirname(d) && d !== home; d = dirname(d)) {
    if (ROOT_MARKERS.some((m) => existsSync(join(d, m)))) return d;
  }
  return undefined;
}

/** The real path of `p` (links resolved), or `p` made absolute where it has none (it does not exist). */
export function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * The files a run processes, sorted, and the paths that could not be expanded. The runner calls only
 * this: ignore rules, include/exclude globs, --changed-since and --shard belong here. Throws
 * `SelectError` for a request it cannot serve.
 */
export function selectFiles(paths: readonly string[], options: SelectOptions): WalkResult {
  const { cwd } = options;
  runCwd = cwd;
  if (options.shard && !parseShard(`${options.shard.index}/${options.shard.count}`)) {
    throw new SelectError(`--shard: ${options.shard.index}/${options.shard.count} is not K/N with 1 ≤ K ≤ N`);
  }
  // Ex) `withify check ../other --changed-since HEAD` from another checkout: each path's own repository
  let changed: Set<string> | undefined;
  if (options.changedSince !== undefined) {
    changed = new Set<string>();
    const asked = new Set<string>();
    const walked = (paths.length ? paths : ['.']).map((p) => realOrSelf(resolve(cwd, p)));
    for (const p of paths.length ? paths : ['.']) {
      const at = resolve(cwd, p);
      const dir = existsSync(at) && !statSync(at).isDirectory() ? dirname(at) : existsSync(at) ? at : cwd;
      // Ex) `check sm` from the superproject: REV is the superproject's, as for `check .`
      const own = findRepoRoot(dir);
      const root = own === undefined ? dir : askedRepo(own, cwd);
      if (asked.has(root)) continue;
      asked.add(root);
      for (const f of changedFiles(options.changedSince, own === undefined ? dir : root, walked)) changed.add(f);
    }
  }
  const rules: ExpandOptions = {
    noIgnore: options.noIgnore,
    exclude: options.exclude?.length ? globMatcher(options.exclude, cwd) : undefined,
    base: resolve(cwd, options.excludeBase ?? '.'),
    include: options.include?.length ? globMatcher(options.include, cwd) : undefined,
    ...(options.cacheDir !== undefined ? { skipDir: realOrSelf(resolve(cwd, options.cacheDir)) } : {}),
  };
  const absolute = paths.map((p) => resolve(cwd, p));
  forgetListings();
  const { files, errors } = expandPaths(absolute, rules);
  let selected = files;
  let covered = files;
  const root = options.indexScope === 'run' ? undefined : projectRoot(absolute);
  if (root !== undefined && !absolute.some((p) => isWithin(root, p))) {
    // The same rules as the run's own walk; what cannot be listed there is no error of this run.
    covered = [...new Set([...files, ...expandPaths([root], rules).files])];
  }
  if (changed) selected = selected.filter((f) => changed.has(join(realOrSelf(dirname(f)), basename(f))));
  if (options.shard) {
    const { index, count } = options.shard;
    selected = selected.filter((f) => shardOf(f, cwd, count) === index);
  }
  const sorted = [...files].sort();
  return { files: selected === files ? sorted : [...selected].sort(), errors, projectFiles: covered === files ? sorted : [...covered].sort() };
}
