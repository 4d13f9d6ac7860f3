# Annotated opens closed by hand: each annotation stays, bare, above the one `with`
from typing import IO


def copy(a, b):
    src: IO[bytes]
    dst: IO[bytes]
    with open(a, "rb") as src, open(b, "wb") as dst:
        dst.write(src.read())
