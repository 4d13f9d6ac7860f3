# CRLF file
import tempfile

d = tempfile.TemporaryDirectory().name  # expect: WFY111
