# Fixed: nothing runs after the write but storing its result in a name.
written = open("out.txt", "w").write("hello")
size: int = open("out.txt", "a").write("more")
text = open("out.txt").read() + "!"
