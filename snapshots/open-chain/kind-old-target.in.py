# Target 3.3: shelve objects are no context managers before 3.4, so contextlib.closing(...) manages them
import shelve
import socket

value = shelve.open("cache").get("key")
socket.create_connection(("example.org", 80)).sendall(b"x")
