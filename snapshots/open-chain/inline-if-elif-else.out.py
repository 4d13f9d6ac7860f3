# One-line if / elif / else bodies are expanded into proper blocks
def log(level, path, line):
    if level == "debug":
        with open(path, "a") as f:
            f.write("D " + line)
    elif level == "info":
        with open(path, "a") as fh:
            fh.write("I " + line)
    else:
        with open(path, "a") as fp:
            fp.write("? " + line)
