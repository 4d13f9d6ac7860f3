# Other catalog resources: zipfile, tarfile, gzip through an import alias, urlopen, os.popen
import gzip as gz
import os
import tarfile
import zipfile
from urllib.request import urlopen


def pack(path, names):
    with zipfile.ZipFile(path, "w") as z:
        for n in names:
            z.writestr(n, n)
    with tarfile.open(path + ".tar", "w") as t:
        t.add(path)
    with gz.open(path + ".gz", "wb") as g:
        g.write(b"x")


def fetch(url):
    with urlopen(url) as resp:
        body = resp.read()
    with os.popen("ls") as p:
        out = p.read()
    return body, out
