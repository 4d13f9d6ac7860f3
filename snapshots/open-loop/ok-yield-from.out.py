# Reported without a fix, or not this pattern: `yield from` whose value is used, an eager read it yields from, a file handed to an unknown call, a pipe, code before the resource
import json
import os


def read_to_end(path):
    yield from open(path).readlines()


def loaded(path):
    yield from json.load(open(path))


def sorted_lines(path):
    yield from sorted(open(path))


def wrapped(path):
    yield from wrap(open(path))


def piped(cmd):
    yield from os.popen(cmd)


def maybe(path, wanted):
    yield from open(path) if wanted else []


def header_first(path):
    yield from zip(header(), open(path))


def handed_out(a, b):
    yield from [open(a), open(b)]


def result_used(path):
    n = yield from open(path)
    return n


def returned(path):
    return (yield from open(path))


def managed(path):
    with open(path) as f:
        yield from f


def wrap(f):
    return f


def header():
    return ["#"]
