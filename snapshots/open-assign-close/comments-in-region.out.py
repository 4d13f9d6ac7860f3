# Comments between the assignment and the close move into the block with the code
def report(path, lines):
    with open(path, "a") as log:
        # header first
        log.write("report\n")

# a comment at column 0 inside the function
        for line in lines:
            log.write(line)
            # trailing comment of the loop body
        # about to close
