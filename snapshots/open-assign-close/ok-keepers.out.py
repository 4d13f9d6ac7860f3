# A file handed to a call that keeps it, ahead of a statement that may raise: the original left it open for the
# keeper when an exception went by, a `with` would close it under it
import heapq
import tempfile


def submit(p, pool):
    f = open(p, "w")
    pool.submit(pump, f)
    check()
    f.close()


def queue_up(p, pending, heap):
    f = open(p)
    pending.appendleft(f)
    heapq.heappush(heap, f)
    check()
    f.close()


def both_append(p):
    a = open(p, "a")
    b = open(p, "a")
    a.write("A")
    b.write("B")
    a.close()
    b.close()


def compile_src(src):
    tmp = tempfile.NamedTemporaryFile("w", suffix=".py")
    tmp.write(src)
    tmp.flush()
    assert ok(tmp.name), tmp.name
    tmp.close()
