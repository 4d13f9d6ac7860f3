# Other catalog resources: zipfile, tarfile, urlopen, Path.open; os.popen is reported (its close waits)
import os
import tarfile
import zipfile
from pathlib import Path
from urllib.request import urlopen


def names(path):
    with zipfile.ZipFile(path) as z:
        listing = z.namelist()
    with tarfile.open(path + ".tar") as t:
        members = t.getnames()
    return listing + members


def fetch(url):
    with urlopen(url) as resp:
        body = resp.read()
    p = os.popen("ls")
    out = p.read()
    with Path(url).open() as fh:
        text = fh.read()
    return body, out, text
