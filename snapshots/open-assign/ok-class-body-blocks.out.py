# Reported without a fix: a file bound in an `if` or `try` of a class body, whose names are the class's attributes
class Config:
    if True:
        handle = open("config.txt")
    try:
        log = open("log.txt", "a")
    except OSError:
        log = None
