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
    with open(path, "w") as f:
        save(data, f)
        relay(data, out=f)
    print("written")


def lines(path):
    with open(path) as f:
        n = count_lines(f)
    return n


def peek(path):
    with open(path) as f:
        head = first(f, 4, strip=True)
    return head


def ping(addr):
    with socket.create_connection(addr) as s:
        send_all(s, b"x")


def closed_by_hand(path, data):
    f = open(path, "w")
    save(data, f)
    f.close()
