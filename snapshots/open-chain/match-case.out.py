# Inside match/case blocks, one-line and multi-line
def handle(command, path):
    match command:
        case "read":
            with open(path) as f:
                return f.read()
        case "wipe":
            with open(path, "w") as fh:
                fh.write("")
        case _:
            pass
