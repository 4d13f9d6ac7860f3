# Negative space: code runs before the resource, or no statement can own the block
import json


def compute():
    return {}


def order(p, cond):
    json.dump(compute(), open(p, "w"))
    data = cond and json.load(open(p))
    other = json.load(open(p)) if cond else None
    loader = lambda: json.load(open(p))
    return data, other, loader


def headers(p):
    if json.load(open(p)):
        return 1
    while json.load(open(p)):
        break


def gen(p):
    yield json.load(open(p))


def checked(p):
    assert json.load(open(p)), "empty config"


class Config:
    data = json.load(open(__file__ + ".json")) if False else None
    settings = json.load(open("settings.json"))
