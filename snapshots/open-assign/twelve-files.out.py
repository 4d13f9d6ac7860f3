# Twelve files opened in one function, each written to the end: twelve nested `with`s, a pass each (it stopped at ten)
def split(rows):
    with open("part0.csv", "w") as out0:
        with open("part1.csv", "w") as out1:
            with open("part2.csv", "w") as out2:
                with open("part3.csv", "w") as out3:
                    with open("part4.csv", "w") as out4:
                        with open("part5.csv", "w") as out5:
                            with open("part6.csv", "w") as out6:
                                with open("part7.csv", "w") as out7:
                                    with open("part8.csv", "w") as out8:
                                        with open("part9.csv", "w") as out9:
                                            with open("part10.csv", "w") as out10:
                                                with open("part11.csv", "w") as out11:
                                                    for row in rows:
                                                        out0.write(row[0])
                                                        out1.write(row[1])
                                                        out2.write(row[2])
                                                        out3.write(row[3])
                                                        out4.write(row[4])
                                                        out5.write(row[5])
                                                        out6.write(row[6])
                                                        out7.write(row[7])
                                                        out8.write(row[8])
                                                        out9.write(row[9])
                                                        out10.write(row[10])
                                                        out11.write(row[11])
