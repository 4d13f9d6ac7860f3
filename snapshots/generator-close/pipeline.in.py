from itertools import islice


def lines(path):
    with open(path) as f:
        yield from f


def parsed(it):
    for line in it:
        yield line.split()


def numbered(start, it):
    for item in it:
        yield start, item
        start += 1


def first_words(path):
    return next(parsed(lines(path)))


def header(path, n):
    # Through a lazy wrapper outside and inside: islice stops early
    return list(islice(numbered(1, parsed(lines(path))), n))


def find(path, word):
    for k, words in numbered(1, parsed(lines(path))):
        if word in words:
            return k
    return None


def any_empty(path):
    return any(not words for words in parsed(lines(path)))


def header_then_body(path):
    # The pipeline in the `if` condition is reported (no `try` fits a condition); the loop in its body is a statement
    # of its own, fixed as any other
    if next(parsed(lines(path))) == []:
        for line in lines(path):
            break
