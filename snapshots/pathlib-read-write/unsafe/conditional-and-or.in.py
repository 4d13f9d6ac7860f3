# Conditional expressions and and/or right operands may not run at all: no with can hold them
def save(path, text, dry_run, cache):
    written = open(path, "w").write(text) if not dry_run else 0
    ok = dry_run or open(path, "wb").write(text.encode())
    data = cache.get(path) or open(path, encoding="utf-8").read()
    return written, ok, data
