# A call spread over several lines, and a resource call spread over several lines
def save(path, header, rows):
    with open(path, "w") as f:
        f.write(
            header
            + "\n".join(rows)
        )
    with open(
        path,
        encoding="utf-8",
    ) as fh:
        return fh.read()
