# Proof: a generator kept in a variable and left unfinished by `break` must have released its lock when the
# function returns
import threading

lock = threading.Lock()


def locked_items(items):
    with lock:
        for item in items:
            yield item


def first_even(items):
    it = locked_items(items)
    for item in it:
        if item % 2 == 0:
            break
    return item


found = first_even([1, 3, 4, 5])
assert lock.acquire(blocking=False), "the generator still holds the lock after the function returned"
lock.release()
print("found", found, "and the lock is free")
