# A chain inside another chain's argument: the inner one is rewritten, then the outer one (next pass)
from pathlib import Path
follow = lambda p: Path(Path(p).read_text().strip()).read_text()
