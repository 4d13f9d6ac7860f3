# Inside a lambda and a comprehension
import tempfile

make = lambda: tempfile.TemporaryDirectory().name  # expect: WFY111
dirs = [tempfile.TemporaryDirectory().name for _ in range(3)]  # expect: WFY111
