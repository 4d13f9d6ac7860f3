def produce():
    try:
        yield 1
    finally:
        pass


def first():
    gen = produce()
    try:
        for x in gen:
#       print("debug", x)
            # kept with the code
            break
    finally:
        gen.close()
    return x
