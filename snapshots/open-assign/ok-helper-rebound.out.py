# A function of the module that other code may bind again (`global save` in a function, `globals()[...]`,
# `exec`): the call may reach something else when it runs, so it is not read. Not fixed.
import json

KEPT = []


def save(d, out):
    json.dump(d, out)


def switch():
    global save
    save = KEPT.append


def write(path, d):
    f = open(path, "w")
    save(d, f)
