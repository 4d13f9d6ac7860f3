# Other attributes and methods of a dropped TemporaryDirectory are not this pattern
import tempfile

tempfile.TemporaryDirectory().cleanup()
n = tempfile.NamedTemporaryFile(delete=False).name
