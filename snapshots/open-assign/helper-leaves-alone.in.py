# A resource handed to a function of the module that only uses it: the function is read, and where it neither
# keeps, returns, closes nor hands on the resource (but to consumers of the list, or to another such function),
# the call is a use like `json.dump(d, f)`, and the fix is offered.
import json
import socket


def save(data, out):
    json.dump(data, out)
    out.write("\n")


def relay(data, out):
    save(data, out)


def count_lines(f):
    n = 0
    for _ in f:
        n += 1
    return n


def first(f, /, size=10, *, strip=False):
    text = f.read(size)
    return text.strip() if strip else text


def send_all(sock, data):
    sock.sendall(data)
    print("sent", len(data), "to", sock.getpeername())


def write(path, data):
    f = open(path, "w")
    save(data, f)
    relay(data, out=f)
    print("written")


def lines(path):
    f = open(path)
    n = count_lines(f)
    return n


def peek(path):
    f = open(path)
    head = first(f, 4, strip=True)
    return head


def ping(addr):
    s = socket.create_connection(addr)
    send_all(s, b"x")


def closed_by_hand(path, data):
    f = open(path, "w")
    save(data, f)
    f.close()
