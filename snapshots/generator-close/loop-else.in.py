# The loop's `else:` stays with the loop, inside the try.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def search(n, wanted):
    for x in produce(n):
        if x == wanted:
            print("found")
            break
    else:
        print("not found")
    return wanted
