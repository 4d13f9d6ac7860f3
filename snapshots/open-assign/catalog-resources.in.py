# Other catalog resources: zipfile, tarfile, urlopen, Path.open; os.popen is reported (its close waits)
import os
import tarfile
import zipfile
from pathlib import Path
from urllib.request import urlopen


def names(path):
    z = zipfile.ZipFile(path)
    listing = z.namelist()
    t = tarfile.open(path + ".tar")
    members = t.getnames()
    return listing + members


def fetch(url):
    resp = urlopen(url)
    body = resp.read()
    p = os.popen("ls")
    out = p.read()
    fh = Path(url).open()
    text = fh.read()
    return body, out, text
