# The path of a dropped TemporaryDirectory at module level is reported
import tempfile

WORK = tempfile.TemporaryDirectory().name  # expect: WFY111
