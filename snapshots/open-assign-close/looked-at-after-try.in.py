# After a `try` whose handler goes on, code that only looks at the path (a logger, `os.path`, `Path(p).exists()`)
# writes nothing there: fixed
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


def save(path, rows):
    f = open(path, "w")
    try:
        for r in rows:
            f.write(str(int(r)))
        f.close()
    except ValueError:
        log.warning("bad row in %s", path)
    log.info("saved %s (%d bytes)", path, os.path.getsize(path))
    return Path(path).exists()
