# `json.load(open(p,` / `"r"))`: the call moves to `with open(`, its argument lines with it.
import gzip
import json


def load(path):
    return json.load(open(path,
                          "r"))


def read(path):
    with gzip.GzipFile(fileobj=open(path,
                                    "rb"),
                       mode="r") as gz:
        return gz.read()
