# A call in parentheses (no comment in them) is bound as it is without them; a bare `f.close` (never called)
# closes nothing.
def write(p):
    f = (
        open(p, "w")
    )
    f.write("x")
    f.close()


def read(p):
    f = (open(p))
    x = f.read()
    return x


def typo(p):
    f = open(p)
    x = f.read()
    f.close
    return x


def commented(p):
    f = (  # the config
        open(p)
    )
    return f.read()
