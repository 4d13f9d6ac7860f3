# A `with` 19 blocks deep: the fix's second item would be one block more than CPython compiles (review rw2), so
# it is refused with that reason.
import sqlite3

def fn(p):
    for i0 in range(1):
        for i1 in range(1):
            for i2 in range(1):
                for i3 in range(1):
                    for i4 in range(1):
                        for i5 in range(1):
                            for i6 in range(1):
                                for i7 in range(1):
                                    for i8 in range(1):
                                        for i9 in range(1):
                                            for i10 in range(1):
                                                for i11 in range(1):
                                                    for i12 in range(1):
                                                        for i13 in range(1):
                                                            for i14 in range(1):
                                                                for i15 in range(1):
                                                                    for i16 in range(1):
                                                                        for i17 in range(1):
                                                                            for i18 in range(1):
                                                                                with sqlite3.connect(p) as cx:  # expect: WFY107
                                                                                    return cx.execute("select 41 + 1").fetchone()[0]

print(fn(":memory:"))
