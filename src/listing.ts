// What the walk (src/walk.ts) saw of each directory it listed, for the questions later steps ask of a directory:
// is it a package (`__init__.py`, moduleNameFor in src/project.ts), has it a `pyproject.toml` (the project's target
// version, src/config.ts), and what is its real path. Answered from the listing, they cost no system call: each
// was one per directory and question (about 10 µs each on the VM measured; a site-packages has 3,000 directories).
// Only what the listing shows for sure is kept: an entry that is a symbolic link is left to the file system, as
// is every directory the walk did not list (a file named on the command line, a directory above the walk).
import type { Dirent } from 'node:fs';

export interface Listing {
  /** The directory's real path. */
  real: string;
  /** `__init__.py` exists in it; undefined: not known from the listing. */
  init: boolean | undefined;
  /** `pyproject.toml` exists in it; undefined: not known from the listing. */
  pyproject: boolean | undefined;
}

const listings = new Map<string, Listing>();

/** An entry named `name` exists, as `existsSync` says; undefined when only the file system can say (a link). */
function exists(entries: readonly Dirent[], name: string): boolean | undefined {
  const e = entries.find((x) => x.name === name);
  if (!e) return false;
  return e.isSymbolicLink() ? undefined : true;
}

/** A new walk: what earlier walks of this process saw may be out of date. */
export function forgetListings(): void {
  listings.clear();
}

/** `dir` (absolute, as the walk reached it), its real path and its entries, as listed just now. */
export function noteListing(dir: string, real: string, entries: readonly Dirent[]): void {
  listings.set(dir, { real, init: exists(entries, '__init__.py'), pyproject: exists(entries, 'pyproject.toml') });
}

/** Every listing noted: a worker thread (src/pool.ts) is given them, as it walked nothing itself. */
export function allListings(): Array<[string, Listing]> {
  return [...listings];
}

/** Listings another thread noted (`allListings`). */
export function addListings(entries: ReadonlyArray<[string, Listing]>): void {
  for (const [dir, listing] of entries) listings.set(dir, listing);
}

/** What the walk saw of `dir` (absolute), if it listed it. */
export function listingOf(dir: string): Listing | undefined {
  return listings.get(dir);
}
