def gen():
    try:
        yield 1
    finally:
        print("cleanup")


# LF lines in a CRLF file keep their LF; the lines the fix adds take the file's CRLF
def first():
    for v in gen():
        break
    return v
