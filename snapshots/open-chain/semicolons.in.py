# Statements joined by ; are split onto their own lines when one of them is fixed
import sys; open(sys.argv[0] + ".out", "w").write("x"); print("written")
a = 1; b = open(sys.argv[0]).read();
