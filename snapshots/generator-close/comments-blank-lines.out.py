# Comments, blank lines and a triple-quoted string in the moved body stay as they were.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def report(n):
    # before the loop
    gen = produce(n)
    try:
        for x in gen:  # the header comment
            # inside the body

            text = """line one
line two"""
            if x:
                break  # leaves early
            # last comment of the body
    finally:
        gen.close()
    # after the loop
    return text
