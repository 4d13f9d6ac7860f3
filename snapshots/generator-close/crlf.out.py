# CRLF line endings are kept on every new line.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


gen = produce(3)
try:
    for x in gen:
        break
finally:
    gen.close()
gen2 = produce(3)
try:
    first = next(gen2)
finally:
    gen2.close()
