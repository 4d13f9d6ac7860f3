# A comment on the f.close() line stays, at the block's indentation
def save(path, rows):
    out = open(path, "w")
    for row in rows:
        out.write(row + "\n")
    out.close()  # flushed here
    print("saved")
