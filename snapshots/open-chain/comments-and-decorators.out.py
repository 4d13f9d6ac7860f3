# Comments above, beside and inside the statement, and decorators around the function, stay put
import functools


@functools.lru_cache(maxsize=None)
# the cache keeps the text, not the file
def cached(path):
    # read the whole file
    with open(path) as f:
        return f.read()  # trailing comment


def noisy(path, data):
    with open(  # open for writing
        path,
        "w",  # truncate
    ) as f:
        f.write(data)  # done
