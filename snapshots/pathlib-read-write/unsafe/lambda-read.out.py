# A lambda has no statement for a `with`: open(p).read() becomes Path(p).read_text(), importing Path
from pathlib import Path
import os

load = lambda p: Path(p).read_text()
load_bytes = lambda p: Path(p).read_bytes()
print(load(os.devnull))
