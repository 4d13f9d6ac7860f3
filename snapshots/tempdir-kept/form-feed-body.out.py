# The statement after the assignment starts with a form feed: `with tmp:` goes on its line, after the form feed.
import tempfile


def size():
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        p = tmp.name
        return len(p)
