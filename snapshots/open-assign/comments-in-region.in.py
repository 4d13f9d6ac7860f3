# Comments inside and right after the region stay where they belong
def report(path, lines):
    log = open(path, "a")
    # header first
    log.write("report\n")
    for line in lines:
        log.write(line)
        # trailing comment of the loop body
    # not about the log any more
    return len(lines)
