# A read's keywords that run no code of their own keep their place: `Path(p)` taking the path first changes nothing
# there (a keyword value that calls a function is refused: ok-meaning-would-change)
ENC = None
CFG = {"enc": "utf-8"}

load = lambda p: open(p, encoding=ENC or "utf-8").read()
load_cfg = lambda p: open(p, encoding=CFG["enc"]).read()
load_either = lambda p, strict: open(p, errors="strict" if strict else "replace").read()
