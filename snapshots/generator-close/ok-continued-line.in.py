def rows():
    try:
        yield 1
    finally:
        print("cleanup")


# The statement's line goes on past it (`\` then `;`): there is no line end to put `finally:` after. Reported.
def first():
    if True: x = next(rows()) \
        ; y = 2
    return x, y
