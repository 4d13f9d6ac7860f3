# `open` bound at module level (here by an import from a module that is not io) shadows the builtin
from webbrowser import open


def show(url):
    return open(url).read()
