# An `__exit__` that releases nothing leaves the resource to `__del__`: reported. `sqlite3.Connection.__exit__`
# commits and leaves the connection open; a lock's `__exit__` releases the lock, not the socket.
import socket
import sqlite3
import threading


class DB(sqlite3.Connection):
    def __del__(self):  # expect: WFY110
        self.close()


class Guarded(threading.Semaphore):
    def __init__(self):
        super().__init__()
        self.sock = socket.socket()

    def __del__(self):  # expect: WFY110
        self.sock.close()


class Committing:
    def __init__(self):
        self.sock = socket.socket()

    def __exit__(self, *exc):
        self.commit()

    def __del__(self):  # expect: WFY110
        self.sock.close()


# Not reported: the exit closes, or hands on to another exit
class Closing:
    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.sock.close()

    def __del__(self):
        self.sock.close()


class Handing(Closing):
    def __exit__(self, *exc):
        return super().__exit__(*exc)

    def __del__(self):
        self.sock.close()


class Sub(Closing):
    def __del__(self):
        self.sock.close()


# Exits that release through a call whose name says so, a `with`, or an `__aexit__` beside a stub `__exit__`
class Client:
    def __init__(self):
        self.sock = socket.socket()

    async def __aexit__(self, *exc):
        await self.aclose()

    async def aclose(self):
        self.sock.close()

    def __del__(self):
        self.sock.close()


class Mailer:
    def __exit__(self, *exc):
        self.smtp.quit()

    def __del__(self):
        self.smtp.close()


class Stacked:
    def __exit__(self, *exc):
        with self._stack:
            pass

    def __del__(self):
        self._stack.close()


class Stub:
    def __exit__(self, *exc):
        pass

    async def __aexit__(self, *exc):
        self.sock.close()

    def __del__(self):
        self.sock.close()
