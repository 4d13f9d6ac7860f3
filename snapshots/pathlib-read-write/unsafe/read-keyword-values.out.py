# A read's keywords that run no code of their own keep their place: `Path(p)` taking the path first changes nothing
# there (a keyword value that calls a function is refused: ok-meaning-would-change)
from pathlib import Path
ENC = None
CFG = {"enc": "utf-8"}

load = lambda p: Path(p).read_text(encoding=ENC or "utf-8")
load_cfg = lambda p: Path(p).read_text(encoding=CFG["enc"])
load_either = lambda p, strict: Path(p).read_text(errors="strict" if strict else "replace")
