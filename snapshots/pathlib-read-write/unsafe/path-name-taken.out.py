# A local name `Path` bound to something else is not clobbered: `import pathlib` is added instead
import pathlib
from typing import NamedTuple


class Path(NamedTuple):
    nodes: list


read = lambda p: pathlib.Path(p).read_text()
