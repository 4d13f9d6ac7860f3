import fcntl
import os


def update(path, data):
    # The lock is held while the file is open: CPython released it when the function returned, so the
    # `with` holds the rest of the function, not only the statements that name `lock`.
    lock = open(path + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    with open(path, "a") as out:
        out.write(data)
    os.utime(path)
    return len(data)


def update_fd(path, data):
    lock = open(path + ".lock", "w")
    fcntl.lockf(lock.fileno(), fcntl.LOCK_EX)
    print("locked", path)
    return data


def maybe(path, wait):
    # Reported: a `with` ending with the `if` would release the lock before the function returns.
    if wait:
        lock = open(path + ".lock", "w")
        fcntl.flock(lock, fcntl.LOCK_EX)
    print("done", path)


# Reported: at the top level the lock was held until the program ended.
pid_lock = open("/tmp/withify-lock-held.pid", "w")
fcntl.flock(pid_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)


def handover(path):
    # Reported: `del lock` closed the file, and released the lock, right there on CPython.
    lock = open(path + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    del lock
    print("released")
