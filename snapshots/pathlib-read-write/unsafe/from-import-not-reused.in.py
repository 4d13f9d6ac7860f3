# A from-import of `Path` that withify cannot reuse (under `if TYPE_CHECKING:`, in a function): the module's own
# name is bound nowhere, so an import of the module is added and the call spelt through it. (A word of that name in
# a comment or string counts as a use: none here.)
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def later(p):
    from pathlib import PurePath
    return PurePath(p).name


read = lambda p: open(p).read()
