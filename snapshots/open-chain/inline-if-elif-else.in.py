# One-line if / elif / else bodies are expanded into proper blocks
def log(level, path, line):
    if level == "debug": open(path, "a").write("D " + line)
    elif level == "info": open(path, "a").write("I " + line)
    else: open(path, "a").write("? " + line)
