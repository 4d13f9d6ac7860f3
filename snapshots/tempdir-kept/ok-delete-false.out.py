# A TemporaryDirectory given `delete=False` (3.12), or a `delete=` that may be false, keeps its directory: no
# finding, no `with`.
import tempfile


def stage(make):
    tmp = tempfile.TemporaryDirectory(delete=False)
    return make(tmp.name)


def stage_maybe(make, keep):
    tmp = tempfile.TemporaryDirectory(delete=not keep)
    return make(tmp.name)
