# Plain data read from the file, a descriptor given to `os`, a name given to a logger: a handler reading them sees no
# difference, so the file gets its `with`
import json
import os


def load(path, log):
    try:
        f = open("settings.json")
        text = f.read()
        f.seek(0)
        cfg = json.load(f)
        f.close()
    except ValueError:
        log.append((text[:50], cfg))


def parse(path, log):
    rows = []
    try:
        f = open(path)
        for lineno, line in enumerate(f, 1):
            rows.append(int(line))
        f.close()
    except ValueError:
        log.append((lineno, line))
    return rows


def save(path, data, log):
    try:
        f = open(path, "w")
        log.info("writing %s", f.name)
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
        f.close()
    except OSError:
        log.exception("failed")


def rebound_first(path):
    try:
        f = open(path)
        data = f.read()
        f.close()
    except OSError:
        data = None
        print(data)
    return data
