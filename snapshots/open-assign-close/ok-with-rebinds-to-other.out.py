# Negative: a with rebinds the name to another object before the close, so the close is that object's (a with
# would drop it); the file itself is never closed by hand (open-assign wraps it)
def run(a, pool):
    f = open(a)
    data = f.read()
    with pool.connection() as f:
        f.execute(data)
    f.close()
