# Left alone: a file bound and closed by hand in an `if` or `try` of a class body (the names are the class's)
class Config:
    if True:
        handle = open("config.txt")
        text = handle.read()
        handle.close()
    try:
        log = open("log.txt", "a")
        log.write("loaded\n")
        log.close()
    except OSError:
        pass
