# A UTF-8 file with a BOM keeps it
NAME = "naïve"
with open("out.txt", "w") as _f:
    _f.write(NAME)
