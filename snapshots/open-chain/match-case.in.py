# Inside match/case blocks, one-line and multi-line
def handle(command, path):
    match command:
        case "read":
            return open(path).read()
        case "wipe": open(path, "w").write("")
        case _:
            pass
