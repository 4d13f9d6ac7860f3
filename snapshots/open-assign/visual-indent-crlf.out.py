# CRLF line endings: the continuation line moves and keeps its CRLF.
def write(path, data):
    with open(path,
              "w") as out:
        out.write(data)
