# The loop's `else:` stays with the loop, inside the try.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def search(n, wanted):
    gen = produce(n)
    try:
        for x in gen:
            if x == wanted:
                print("found")
                break
        else:
            print("not found")
    finally:
        gen.close()
    return wanted
