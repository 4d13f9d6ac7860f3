# A blank line inside the call: the lines after it are aligned all the same.
def save(path):
    out = open(path,

               "w",
               encoding="utf-8")
    out.write("x")
