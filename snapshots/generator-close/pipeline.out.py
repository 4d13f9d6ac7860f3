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
    gen = lines(path)
    try:
        return next(parsed(gen))
    finally:
        gen.close()


def header(path, n):
    # Through a lazy wrapper outside and inside: islice stops early
    gen = lines(path)
    try:
        return list(islice(numbered(1, parsed(gen)), n))
    finally:
        gen.close()


def find(path, word):
    gen = lines(path)
    try:
        for k, words in numbered(1, parsed(gen)):
            if word in words:
                return k
    finally:
        gen.close()
    return None


def any_empty(path):
    gen = lines(path)
    try:
        return any(not words for words in parsed(gen))
    finally:
        gen.close()


def header_then_body(path):
    # The pipeline in the `if` condition is reported (no `try` fits a condition); the loop in its body is a statement
    # of its own, fixed as any other
    if next(parsed(lines(path))) == []:
        gen = lines(path)
        try:
            for line in gen:
                break
        finally:
            gen.close()
