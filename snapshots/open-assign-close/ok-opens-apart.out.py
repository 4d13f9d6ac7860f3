# Two opens closed in order, which one `with` would hold, but not here: a comment or a blank line between them has no
# place in the `with` header; a comment that tells a tool about the second one's line (`# noqa`, `# type: ignore`)
# would stay below the header while its code went up to it.


def commented(src, dst):
    fin = open(src)  # a
    # between
    fout = open(dst, "w")
    fout.write(fin.read())
    fin.close()
    fout.close()


def spaced(src, dst):
    fin = open(src)

    fout = open(dst, "w")
    fout.write(fin.read())
    fin.close()
    fout.close()


def suppressed(src, dst):
    fin = open(src)
    fout = open(dst or open("default.txt").read().strip(), "w")  # noqa: WFY101
    fout.write(fin.read())
    fin.close()
    fout.close()


def typed(src, dst):
    fin = open(src)
    fout = open(dst, "w")  # type: ignore
    fout.write(fin.read())
    fin.close()
    fout.close()
