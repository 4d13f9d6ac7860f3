# print(..., file=open(p, "w")) then read the file back: PyPy has not flushed it yet
print("hello", "world", file=open("log.txt", "w"))
with open("log.txt") as f:
    text = f.read()
assert text == "hello world\n", repr(text)
print(text, end="")
