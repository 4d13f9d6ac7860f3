# Comments around the chain stay; a multi-line string beside it is not touched
TEMPLATE = """
    open(p).read() in a string
"""
# read every file
texts = [
    open(p).read()  # one per path
    for p in ("a", "b")
]
