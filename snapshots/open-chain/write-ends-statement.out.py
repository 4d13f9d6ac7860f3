# Fixed: nothing runs after the write but storing its result in a name.
with open("out.txt", "w") as _f:
    written = _f.write("hello")
with open("out.txt", "a") as _fh:
    size: int = _fh.write("more")
with open("out.txt") as _fp:
    text = _fp.read() + "!"
