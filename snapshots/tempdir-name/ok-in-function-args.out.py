# Passed straight to a call, returned, used in a default value: each reported
import os
import tempfile


def build(out=tempfile.TemporaryDirectory().name):  # expect: WFY111
    os.makedirs(os.path.join(tempfile.TemporaryDirectory().name, "x"))  # expect: WFY111
    return tempfile.TemporaryDirectory(suffix="-build").name  # expect: WFY111
