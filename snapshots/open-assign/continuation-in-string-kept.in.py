# A continuation line inside a multi-line string is never re-indented; the lines after it still are.
def write(prefix, data):
    out = open(prefix + """-part
               two""",
               "w")
    out.write(data)
