# Statements joined by ; are split onto their own lines when one of them is fixed
import sys
with open(sys.argv[0] + ".out", "w") as _f:
    _f.write("x")
print("written")
a = 1
with open(sys.argv[0]) as _fh:
    b = _fh.read();
