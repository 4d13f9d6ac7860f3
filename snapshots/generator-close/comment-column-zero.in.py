def produce():
    try:
        yield 1
    finally:
        pass


def first():
    for x in produce():
#       print("debug", x)
        # kept with the code
        break
    return x
