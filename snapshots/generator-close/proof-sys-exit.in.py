# Proof: a loop left by `sys.exit(…)` abandons the generator; CPython runs its `finally` as the exception unwinds the
# loop, PyPy only at a collection (none comes before the check, nor at exit): the lock file is left behind.
import os
import sys

LOCK = "tool.lock"


def locked_lines():
    open(LOCK, "w").close()
    try:
        for line in ["ok 1", "bad 2", "ok 3"]:
            yield line
    finally:
        os.remove(LOCK)


def main():
    for line in locked_lines():
        if line.startswith("bad"):
            sys.exit("invalid line")
        print("processed", line)


try:
    main()
except SystemExit as e:
    print("exit:", e)
assert not os.path.exists(LOCK), "lock left behind"
print("ok")
