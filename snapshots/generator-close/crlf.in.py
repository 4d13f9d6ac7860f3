# CRLF line endings are kept on every new line.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


for x in produce(3):
    break
first = next(produce(3))
