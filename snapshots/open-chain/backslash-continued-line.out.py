# A statement on a line a backslash continues shares its logical line with the one before: no
# `with` can start there. Reported; the statement after it is fixed.
x = 1; \
y = open("a.txt").read()
if True: \
    z = open("a.txt").read()
with open("a.txt") as _fp:
    w = _fp.read()
