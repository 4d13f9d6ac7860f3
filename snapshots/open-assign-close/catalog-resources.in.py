# Other catalog resources: zipfile, tarfile, gzip through an import alias, urlopen, os.popen (a tar archive open
# for writing and a pipe are left: on a path that leaves before their close, a `with` would do what the drop did
# not, unsafe/exit-path-close)
import gzip as gz
import os
import tarfile
import zipfile
from urllib.request import urlopen


def pack(path, names):
    z = zipfile.ZipFile(path, "w")
    for n in names:
        z.writestr(n, n)
    z.close()
    t = tarfile.open(path + ".tar", "w")
    t.add(path)
    t.close()
    g = gz.open(path + ".gz", "wb")
    g.write(b"x")
    g.close()


def fetch(url):
    resp = urlopen(url)
    body = resp.read()
    resp.close()
    p = os.popen("ls")
    out = p.read()
    p.close()
    return body, out
