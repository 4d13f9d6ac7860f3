# Comments above, beside and inside the statement, and decorators around the function, stay put
import functools


@functools.lru_cache(maxsize=None)
# the cache keeps the text, not the file
def cached(path):
    # read the whole file
    return open(path).read()  # trailing comment


def noisy(path, data):
    open(  # open for writing
        path,
        "w",  # truncate
    ).write(data)  # done
