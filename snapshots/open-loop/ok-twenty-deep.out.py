# Twenty blocks deep: a with around this loop would not compile before Python 3.13, so it is only reported
def scan(grid, p):
    for a0 in grid:
        for a1 in grid:
            for a2 in grid:
                for a3 in grid:
                    for a4 in grid:
                        for a5 in grid:
                            for a6 in grid:
                                for a7 in grid:
                                    for a8 in grid:
                                        for a9 in grid:
                                            for a10 in grid:
                                                for a11 in grid:
                                                    for a12 in grid:
                                                        for a13 in grid:
                                                            for a14 in grid:
                                                                for a15 in grid:
                                                                    for a16 in grid:
                                                                        for a17 in grid:
                                                                            for a18 in grid:
                                                                                for line in open(p):
                                                                                    print(line)
    return grid
