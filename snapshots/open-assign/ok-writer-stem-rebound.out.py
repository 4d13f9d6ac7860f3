def run(stem):
    # Not fixed: `stem + ".log"` after `stem = stem + "s"` is the file `a` writes, which CPython flushed first
    a = open(stem + "s.log", "w")
    stem = stem + "s"
    b = open(stem + ".log", "a")
    a.write("first\n")
    b.write("second\n")
    a.close()
    print("done")
