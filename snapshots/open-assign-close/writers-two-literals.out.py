def split_log(lines):
    # Two different literal paths are two files: their order of flushing cannot show, one `with` holds both
    with open("out.log", "w") as out, open("err.log", "w") as err:
        for line in lines:
            (err if line.startswith("!") else out).write(line)
