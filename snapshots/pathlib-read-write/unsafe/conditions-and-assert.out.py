# if/while conditions and assert: a with around them would span the whole block, or run under -O
from pathlib import Path
def wait(flag, log):
    while Path(flag).read_text().strip() != "done":
        pass
    if Path(log).read_bytes():
        print("log not empty")
    elif Path(log + ".old").read_text():
        print("old log")
    assert Path(flag).read_text() == "done"
