# The last use sits inside a later if/for: the with takes in that whole statement
def scan(path, verbose):
    with open(path) as f:
        header = f.readline()
        total = 0
        if verbose:
            print(header)
            for line in f:
                total += len(line)
    print(total)
    return total
