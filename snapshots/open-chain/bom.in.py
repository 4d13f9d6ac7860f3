# A UTF-8 file with a BOM keeps it
NAME = "naïve"
open("out.txt", "w").write(NAME)
