# CRLF line endings are kept on every new line.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(3)
try:
    for x in _gen:
        break
finally:
    _gen.close()
_gen2 = produce(3)
try:
    first = next(_gen2)
finally:
    _gen2.close()
