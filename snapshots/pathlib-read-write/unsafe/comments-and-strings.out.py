# Comments around the chain stay; a multi-line string beside it is not touched
from pathlib import Path
TEMPLATE = """
    open(p).read() in a string
"""
# read every file
texts = [
    Path(p).read_text()  # one per path
    for p in ("a", "b")
]
