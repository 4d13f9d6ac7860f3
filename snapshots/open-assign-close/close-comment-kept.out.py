# A comment on the f.close() line stays, at the block's indentation
def save(path, rows):
    with open(path, "w") as out:
        for row in rows:
            out.write(row + "\n")
    # flushed here
    print("saved")
