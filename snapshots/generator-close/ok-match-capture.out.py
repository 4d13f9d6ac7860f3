def rows():
    try:
        yield 1
    finally:
        print("cleanup")


# A `match` capture binds `rows` in the function: the call may not reach the generator function.
def pick(cfg):
    match cfg:
        case {"source": rows}:
            pass
    return next(rows())


def pick_all(cfg):
    match cfg:
        case [first, *rows]:
            return next(rows())
        case Point(x=0) as rows:
            return next(rows())
