# CRLF line endings stay CRLF, including the lines the fix adds
def save(path, data):
    with open(path, "w") as f:
        f.write(data)
    if data:
        with open(path + ".bak", "w") as fh:
            fh.write(data)
