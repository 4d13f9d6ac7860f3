# Continuation lines indented by a fixed amount (not under the bracket), a `)` at the statement's indentation and
# a commented-out line at column 0 are aligned with nothing that moves: they stay.
def save(path, text):
    out = open(path, "w",
            encoding="utf-8")
    out.write(text)


def save_trailing(path, text):
    out = open(path,
               "w",
    )
    out.write(text)


def save_commented(path, text):
    out = open(path,
#              "a",
               "w")
    out.write(text)
