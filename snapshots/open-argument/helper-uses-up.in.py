# A resource passed straight to a function of the module that only uses it: the call is done with it when it
# returns, as `json.dump` is
import json


def publish(d, p):
    # A function defined below this one, nothing between the two that could call it first
    store(d, open(p, "w"))


def save(d, out):
    json.dump(d, out)
    out.write("\n")


def load(src, strip=True):
    text = src.read()
    return text.strip() if strip else text


def copy_to(src, dst):
    for line in src:
        dst.write(line)


def roundtrip(d, p):
    save(d, open(p, "w"))
    print(load(open(p)))
    text = load(strip=False, src=open(p))
    return load(open(p)), text


def concatenate(paths, target):
    for p in paths:
        copy_to(open(p), open(target, "a"))


def store(d, out):
    json.dump(d, out, indent=1)
