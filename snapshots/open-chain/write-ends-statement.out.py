# Fixed: nothing runs after the write but storing its result in a name.
with open("out.txt", "w") as f:
    written = f.write("hello")
with open("out.txt", "a") as fh:
    size: int = fh.write("more")
with open("out.txt") as fp:
    text = fp.read() + "!"
