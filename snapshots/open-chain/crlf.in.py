# CRLF line endings stay CRLF, including the lines the fix adds
def save(path, data):
    open(path, "w").write(data)
    if data: open(path + ".bak", "w").write(data)
