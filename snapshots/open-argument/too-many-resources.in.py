# More resources in one statement than Python before 3.13 nests blocks: a with takes the first 20, the rest are reported
import shutil


def concatenate(out):
    shutil.copyfileobj(open("header.txt"), out)
    print(
        open("part0.txt"),
        open("part1.txt"),
        open("part2.txt"),
        open("part3.txt"),
        open("part4.txt"),
        open("part5.txt"),
        open("part6.txt"),
        open("part7.txt"),
        open("part8.txt"),
        open("part9.txt"),
        open("part10.txt"),
        open("part11.txt"),
        open("part12.txt"),
        open("part13.txt"),
        open("part14.txt"),
        open("part15.txt"),
        open("part16.txt"),
        open("part17.txt"),
        open("part18.txt"),
        open("part19.txt"),
        open("part20.txt"),
        open("part21.txt"),
        open("part22.txt"),
        file=out,
    )
