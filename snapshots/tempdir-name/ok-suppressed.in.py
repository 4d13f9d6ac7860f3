# Suppressed on the line: withify ignore and noqa with the code
import tempfile

a = tempfile.TemporaryDirectory().name  # withify: ignore[WFY111]
b = tempfile.TemporaryDirectory().name  # noqa: WFY111
c = tempfile.TemporaryDirectory().name  # noqa: WFY101  expect: WFY111
