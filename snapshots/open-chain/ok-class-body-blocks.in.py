# Reported without a fix: a one-shot read in an `if`, `try` or `with` of a class body (the `as` name would be a class attribute)
class Config:
    if True:
        text = open("config.txt").read()
    try:
        extra = open("extra.txt").read()
    except OSError:
        extra = ""
    with open("defaults.txt") as defaults:
        rest = open("rest.txt").read()
