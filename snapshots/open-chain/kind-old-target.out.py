# Target 3.3: shelve objects are no context managers before 3.4, so contextlib.closing(...) manages them
import contextlib
import shelve
import socket

with contextlib.closing(shelve.open("cache")) as _shelf:
    value = _shelf.get("key")
with socket.create_connection(("example.org", 80)) as _sock:
    _sock.sendall(b"x")
