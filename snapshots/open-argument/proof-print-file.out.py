# print(..., file=open(p, "w")) then read the file back: PyPy has not flushed it yet
with open("log.txt", "w") as fh:
    print("hello", "world", file=fh)
with open("log.txt") as f:
    text = f.read()
assert text == "hello world\n", repr(text)
print(text, end="")
