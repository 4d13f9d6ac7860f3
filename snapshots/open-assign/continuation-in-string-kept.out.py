# A continuation line inside a multi-line string is never re-indented; the lines after it still are.
def write(prefix, data):
    with open(prefix + """-part
               two""",
              "w") as out:
        out.write(data)
