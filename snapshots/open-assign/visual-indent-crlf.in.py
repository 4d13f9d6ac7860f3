# CRLF line endings: the continuation line moves and keeps its CRLF.
def write(path, data):
    out = open(path,
               "w")
    out.write(data)
