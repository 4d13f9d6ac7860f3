# Plain data read from the file, a descriptor given to `os`, a name given to a logger: a handler reading them sees no
# difference, so the file gets its `with`
import json
import os


def load(path, log):
    try:
        with open("settings.json") as f:
            text = f.read()
            f.seek(0)
            cfg = json.load(f)
    except ValueError:
        log.append((text[:50], cfg))


def parse(path, log):
    rows = []
    try:
        with open(path) as f:
            for lineno, line in enumerate(f, 1):
                rows.append(int(line))
    except ValueError:
        log.append((lineno, line))
    return rows


def save(path, data, log):
    try:
        with open(path, "w") as f:
            log.info("writing %s", f.name)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        log.exception("failed")


def rebound_first(path):
    try:
        with open(path) as f:
            data = f.read()
    except OSError:
        data = None
        print(data)
    return data
