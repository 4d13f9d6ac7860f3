def split_log(lines):
    # Two different literal paths are two files: their order of flushing cannot show, one `with` holds both
    out = open("out.log", "w")
    err = open("err.log", "w")
    for line in lines:
        (err if line.startswith("!") else out).write(line)
    out.close()
    err.close()
