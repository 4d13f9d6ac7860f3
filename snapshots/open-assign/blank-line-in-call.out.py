# A blank line inside the call: the lines after it are aligned all the same.
def save(path):
    with open(path,

              "w",
              encoding="utf-8") as out:
        out.write("x")
