# Comments inside and right after the region stay where they belong
def report(path, lines):
    with open(path, "a") as log:
        # header first
        log.write("report\n")
        for line in lines:
            log.write(line)
            # trailing comment of the loop body
    # not about the log any more
    return len(lines)
