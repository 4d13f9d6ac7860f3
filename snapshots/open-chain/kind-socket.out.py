# socket.socket and socket.create_connection: with ... as sock, for methods that return plain data
import socket


def ping(host, port):
	with socket.create_connection((host, port), timeout=5) as sock:
		sock.sendall(b"ping\n")


def free_port():
	with socket.socket() as sock:
		return sock.getsockname()


def stream(host):
	# makefile() returns a file that still uses the socket: reported, not fixed
	return socket.create_connection((host, 80)).makefile("rb")
