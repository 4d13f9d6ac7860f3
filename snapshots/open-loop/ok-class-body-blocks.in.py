# Reported without a fix: a loop or comprehension in an `if`, `try`, `with` or `while` of a class body (the `as` name would be a class attribute: an enum member here)
import enum


class Color(enum.Enum):
    _ignore_ = ["names"]
    if True:
        names = [line.strip() for line in open("colors.txt")]
    RED = 1


class Settings:
    try:
        for line in open("settings.txt"):
            pass
    except OSError:
        line = ""
    with open("defaults.txt") as defaults:
        keys = {k for k in open("keys.txt")}
    while not keys:
        keys = set(open("keys.txt"))
