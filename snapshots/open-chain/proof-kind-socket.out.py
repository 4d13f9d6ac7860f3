# socket.create_connection(addr).sendall(data): the peer waits for end-of-stream until the socket is closed
import socket
import threading

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
received = []


def serve():
    conn, _ = server.accept()
    conn.settimeout(3)
    chunks = []
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            chunks.append(data)
        received.append(b"".join(chunks))
    except socket.timeout:
        received.append(None)
    conn.close()


thread = threading.Thread(target=serve)
thread.start()
with socket.create_connection(server.getsockname()) as _sock:
    _sock.sendall(b"hello")
thread.join()
server.close()
print("received:", received[0])
if received[0] is None:
    raise SystemExit("the peer never saw the end of the stream")
