// Atomic in-place writes: a temp file in the same directory, the original mode kept, then a rename.
// A file whose bytes changed since they were read is left alone.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedOnDisk extends Error {
  constructor(path: string) {
    super(`${path} changed on disk while withify was working on it; it was not overwritten (run withify again)`);
    this.name = 'ChangedOnDisk';
  }
}

export function writeAtomic(path: string, bytes: Uint8Array, originalBytes: Uint8Array): void {
  const st = statSync(path);
  const current = readFileSync(path);
  if (!current.equals(Buffer.from(originalBytes))) throw new ChangedOnDisk(path);
  const tmp = join(dirname(path), `.${basename(path)}.withify-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', st.mode & 0o7777);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, st.mode & 0o7777); // the umask may have narrowed the mode `open` used
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
    throw err;
  }
}
