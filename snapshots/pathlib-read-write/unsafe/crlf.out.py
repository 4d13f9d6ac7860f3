# CRLF line endings stay CRLF, the new import line too
"""Module docstring."""
from pathlib import Path
read = lambda p: Path(p).read_text()
