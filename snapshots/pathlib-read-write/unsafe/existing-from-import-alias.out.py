# An existing `from pathlib import Path as P` is reused under its alias
from pathlib import Path as P

read = lambda p: P(p).read_text()
