# print(..., file=open(p, "w")) then read the file back: PyPy has not flushed it yet
with open("log.txt", "w") as _f:
    print("hello", "world", file=_f)
with open("log.txt") as f:
    text = f.read()
assert text == "hello world\n", repr(text)
print(text, end="")
