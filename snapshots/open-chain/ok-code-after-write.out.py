# Reported without a fix: the statement reads the file back after writing it; CPython had flushed and closed it by then.
def check(path):
    with open(path) as f:
        return f.read()


n = open("out.txt", "w").write("hello") + len(check("out.txt"))
ok = open("out.txt", "w").write("abc") and check("out.txt")
print(open("out.txt", "a").write("more"), check("out.txt"))
