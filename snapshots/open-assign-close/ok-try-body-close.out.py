# A close in a `try` that a `with` at the top of its body cannot replace: reported, not fixed
import os


def used_in_handler(path):
    f = open(path)
    try:
        data = f.read()
        f.close()
    except UnicodeDecodeError:
        data = f.buffer.read()
    return data


def statement_before_try(path):
    f = open(path)
    header = f.readline()
    try:
        data = f.read()
        f.close()
    finally:
        print("read", path)
    return header, data


def close_in_an_if(path, c):
    f = open(path)
    try:
        data = f.read()
        if c:
            f.close()
    finally:
        os.remove(path)
    return data


def one_line(path):
    f = open(path)
    try: data = f.read(); f.close()
    finally: print(path)
    return data


def view_in_handler(path):
    f = open(path)
    try:
        b = f.buffer
        text = f.read()
        f.close()
    except UnicodeDecodeError:
        b.seek(0)
        text = b.read().decode("latin-1")
    return text


def name_in_handler(script, run):
    import tempfile
    tmp = tempfile.NamedTemporaryFile("w", suffix=".py")
    try:
        tmp.write(script)
        tmp.flush()
        run(tmp.name)
        tmp.close()
    except RuntimeError:
        print(open(tmp.name).read())


def written_again(path):
    f = open(path, "w")
    try:
        f.write("partial")
        check(path)
        f.close()
    except ValueError:
        with open(path, "w") as g:
            g.write("ERR")


def stored(path, box):
    f = open(path)
    try:
        box.raw = f.buffer
        f.close()
    finally:
        print(box)


def closed_first(path):
    f = open(path, "w")
    try:
        f.close()
        os.chmod(path, 0o600)
    except OSError:
        os.remove(path)
