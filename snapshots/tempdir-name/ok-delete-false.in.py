# `TemporaryDirectory(delete=False)` (3.12) never removes its directory: its `.name` is no finding. Without it,
# or with `delete=True`, it is.
import tempfile

kept = tempfile.TemporaryDirectory(delete=False).name
maybe = tempfile.TemporaryDirectory(delete=KEEP).name
gone = tempfile.TemporaryDirectory(delete=True).name  # expect: WFY111
