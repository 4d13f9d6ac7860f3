import json


def f(x):
    return x + 1


# `locals()` lists the function's variables: a `with … as fh` would add one. Reported, not fixed.
def view(user):
    title = open("title.txt").read()
    return json.dumps(locals())


# `vars()` with no argument is `locals()`.
def names(path):
    size = len(open(path).read())
    return sorted(vars())


# `locals()` before the statement, and no loop to come back to it: the name is not bound yet.
def greet(user):
    print("hello {user}".format(**locals()))
    with open("title.txt") as f:
        return f.read()


# `vars(json)`, `dir(json)` and `eval` with a namespace of its own list no variable of the function.
def describe(path):
    with open(path) as fh:
        data = fh.read()
    return eval("1 + 1", {}), len(vars(json)), len(dir(json)), data


# `eval` may read a global by name: the new name avoids every name of the module (`f` is a function here).
def call_f():
    with open("a.txt", "w") as fh:
        fh.write("x")
    return eval("f(1)")
