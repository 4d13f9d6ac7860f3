# What no statement of the function keeps, or what the caller keeps: nothing of it is dropped with the frame after
# the kept generator, and the fixes are offered. A generator only printed (`print(rows())` keeps nothing); a file
# put in a list the caller passed (the caller holds it past the return); `islice` as the last iterable of a `chain`
# (nothing is read after it lets go of the generator).
import itertools


def rows(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)


def printed_first():
    print(rows("printed"))
    it = rows("kept")
    try:
        return next(it)
    finally:
        it.close()


def into_callers_list(path, logs):
    logs.append(open(path, "w"))
    it = rows("kept")
    try:
        return next(it)
    finally:
        it.close()


def chained_last():
    gen = rows("sliced")
    try:
        for x in itertools.chain([7], itertools.islice(gen, 2)):
            if x == 1:
                break
    finally:
        gen.close()
