# Subclasses of library context managers: callers have a `with`, `__del__` is a safety net. Not reported, but
# where the `__exit__` releases nothing.
import concurrent.futures
import contextlib
import ftplib
import http.server
import socket
import ssl
import sqlite3
from contextlib import ExitStack


class Stack(ExitStack):
    def __del__(self):
        self.close()


class Pool(concurrent.futures.ThreadPoolExecutor):
    def __del__(self):
        self.shutdown(wait=False)


class Db(sqlite3.Connection):
    # `sqlite3.Connection.__exit__` commits and closes nothing: reported
    def __del__(self):  # expect: WFY110
        self.close()


class Ftp(ftplib.FTP):
    def __del__(self):
        self.close()


class AsyncOnly:
    # Its own `__aexit__`: an async context manager
    def __init__(self):
        self.sock = socket.socket()

    async def __aexit__(self, *exc):
        self.sock.close()

    def __del__(self):
        self.sock.close()


class Lambdas:
    __enter__ = lambda self: self
    __exit__ = lambda self, *exc: self.sock.close()

    def __del__(self):
        self.sock.close()


class LambdaReleasingNothing:
    __enter__ = lambda self: self
    __exit__ = lambda self, *exc: None

    def __del__(self):  # expect: WFY110
        self.sock.close()


class Alias:
    # `__del__` bound to `close`: reported where it is bound
    def __init__(self, path):
        self.f = open(path)

    def close(self):
        self.f.close()

    __del__ = close  # expect: WFY110


class Served(http.server.HTTPServer):
    # A library base with `__exit__` (HTTPServer's, through socketserver.TCPServer): no finding
    def __del__(self):
        self.socket.close()


class Tls(ssl.SSLSocket):
    def __del__(self):
        self.close()
