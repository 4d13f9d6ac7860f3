# A local name `Path` bound to something else is not clobbered: `import pathlib` is added instead
from typing import NamedTuple


class Path(NamedTuple):
    nodes: list


read = lambda p: open(p).read()
