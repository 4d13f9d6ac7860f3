# Other catalog resources: zipfile, tarfile, gzip through an import alias, urlopen, os.popen (a tar archive open
# for writing and a pipe are left: on a path that leaves before their close, a `with` would do what the drop did
# not, unsafe/exit-path-close)
import gzip as gz
import os
import tarfile
import zipfile
from urllib.request import urlopen


def pack(path, names):
    with zipfile.ZipFile(path, "w") as z:
        for n in names:
            z.writestr(n, n)
    t = tarfile.open(path + ".tar", "w")
    t.add(path)
    t.close()
    with gz.open(path + ".gz", "wb") as g:
        g.write(b"x")


def fetch(url):
    with urlopen(url) as resp:
        body = resp.read()
    p = os.popen("ls")
    out = p.read()
    p.close()
    return body, out
