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
    a = gz.open(p).read()
    b = io_open(p).read()
    c = urlopen(url).read()
    d = urllib.request.urlopen(url).read()
    e = codecs.open(p, "r", "utf-8").read()
    g = bz2.open(p).read()
    h = lzma.open(p).read()
    i = tokenize.open(p).read()
    j = os.fdopen(fd).read()
    k = os.popen("ls").read()
    tarfile.open(p).extractall("out")
    names = zipfile.ZipFile(p).namelist()
    text = Path(p).open().read()
    return a, b, c, d, e, g, h, i, j, k, names, text
