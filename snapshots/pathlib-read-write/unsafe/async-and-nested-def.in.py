# Inside async functions and nested defs: the same rewrite, one import for every fix
async def main(paths):
    def inner(p):
        return [open(q).read() for q in p]

    return inner(paths), (lambda: open(paths[0], "wb").write(b""))
