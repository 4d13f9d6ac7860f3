# Proof: sockets dropped without close() stay open on PyPy until the GC runs, so a loop of them runs out of
# file descriptors (EMFILE); CPython closed each when its function returned.
import resource
import socket


def bound_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        return port > 0


soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(64, hard), hard))
print(all(bound_port() for _ in range(500)))
