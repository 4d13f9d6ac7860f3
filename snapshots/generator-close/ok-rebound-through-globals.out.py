# The module binds `rows` again through its namespace: a caller gets the list, which has no `close()`
def rows(n):
    try:
        yield from range(n)
    finally:
        print("closed")


def _list_rows(n):
    return list(range(n))


globals()["rows"] = _list_rows


def first(n):
    for r in rows(n):
        return r
