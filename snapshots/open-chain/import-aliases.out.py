# Resource calls through import aliases and submodules
import bz2
import codecs
import gzip as gz
import lzma
import os
import tarfile
import tokenize
import urllib.request
import zipfile
from io import open as io_open
from pathlib import Path
from urllib.request import urlopen


def everything(p, url, fd):
    with gz.open(p) as f:
        a = f.read()
    with io_open(p) as fh:
        b = fh.read()
    with urlopen(url) as resp:
        c = resp.read()
    with urllib.request.urlopen(url) as response:
        d = response.read()
    with codecs.open(p, "r", "utf-8") as fp:
        e = fp.read()
    with bz2.open(p) as f2:
        g = f2.read()
    with lzma.open(p) as f3:
        h = f3.read()
    with tokenize.open(p) as f4:
        i = f4.read()
    with os.fdopen(fd) as f5:
        j = f5.read()
    with os.popen("ls") as pipe:
        k = pipe.read()
    with tarfile.open(p) as archive:
        archive.extractall("out")
    with zipfile.ZipFile(p) as zf:
        names = zf.namelist()
    with Path(p).open() as f6:
        text = f6.read()
    return a, b, c, d, e, g, h, i, j, k, names, text
