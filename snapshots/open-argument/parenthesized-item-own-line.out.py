# A parenthesised `with` (3.10) whose wrapper item starts its own line: the file's item goes in front of it there.
import gzip


def read(p, q):
    with (open(p) as x,
          open(q, "rb") as f, gzip.GzipFile(fileobj=f) as gz):
        return x.read(), gz.read()
