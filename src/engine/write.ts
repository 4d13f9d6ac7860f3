// Atomic in-place writes: a temp file in the directory of the real file (a symlink is written through), the
// original mode, owner and group kept, then a rename.
// A file whose bytes changed since they were read is left alone.
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedOnDisk extends Error {
  constructor(path: string) {
    super(`${path} changed on disk while withify was working on it; it was not overwritten (run withify again)`);
    this.name = 'ChangedOnDisk';
  }
}

export function writeAtomic(file: string, bytes: Uint8Array, originalBytes: Uint8Array): void {
  // Ex) `link.py -> pkg/a.py`: the file the link points to is rewritten, and the link stays a link.
  const path = realpathSync(file);
  const st = statSync(path);
  // Ex) `chmod a-w gen.py`: a rename needs only the directory's permission and would replace it anyway.
  if ((st.mode & 0o222) === 0) throw new Error(`it is read-only (mode ${(st.mode & 0o777).toString(8).padStart(3, '0')}); withify leaves read-only files alone`);
  accessSync(path, constants.W_OK); // Ex) another user's file in a directory this user may write: EACCES
  const current = readFileSync(path);
  if (!current.equals(Buffer.from(originalBytes))) throw new ChangedOnDisk(file);
  // Ex) a name of 240 bytes: the name's start only, so the temporary name stays within the 255 bytes a name may have
  const stem = Buffer.from(basename(path)).length > 120 ? Buffer.from(basename(path)).subarray(0, 120).toString().replace(/\uFFFD+$/, '') : basename(path);
  const tmp = join(dirname(path), `.${stem}.withify-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', st.mode & 0o7777);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      // The owner and group stay (run as root over other users' files, or in a setgid directory).
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // Ex) EPERM: not allowed to give the file away; it is then the writer's, as any new file
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
