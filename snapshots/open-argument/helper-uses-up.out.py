# A resource passed straight to a function of the module that only uses it: the call is done with it when it
# returns, as `json.dump` is
import json


def publish(d, p):
    # A function defined below this one, nothing between the two that could call it first
    with open(p, "w") as f:
        store(d, f)


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
    with open(p, "w") as f:
        save(d, f)
    with open(p) as fh:
        print(load(fh))
    with open(p) as fp:
        text = load(strip=False, src=fp)
    with open(p) as f2:
        return load(f2), text


def concatenate(paths, target):
    for p in paths:
        with open(p) as f, open(target, "a") as fh:
            copy_to(f, fh)


def store(d, out):
    json.dump(d, out, indent=1)
