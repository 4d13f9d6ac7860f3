# `json.load(open(p,` / `"r"))`: the call moves to `with open(`, its argument lines with it.
import gzip
import json


def load(path):
    with open(path,
              "r") as f:
        return json.load(f)


def read(path):
    with open(path,
              "rb") as f, gzip.GzipFile(fileobj=f,
                                        mode="r") as gz:
        return gz.read()
