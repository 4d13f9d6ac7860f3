# write_text(newline=) exists from Python 3.10: with target 3.10 the newline keyword is carried over
from pathlib import Path
write = lambda p, s: Path(p).write_text(s, newline="\r\n")
