# A call spread over several lines, and a resource call spread over several lines
def save(path, header, rows):
    open(path, "w").write(
        header
        + "\n".join(rows)
    )
    return open(
        path,
        encoding="utf-8",
    ).read()
