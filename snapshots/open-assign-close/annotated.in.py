# Annotated opens closed by hand: each annotation stays, bare, above the one `with`
from typing import IO


def copy(a, b):
    src: IO[bytes] = open(a, "rb")
    dst: IO[bytes] = open(b, "wb")
    dst.write(src.read())
    src.close()
    dst.close()
