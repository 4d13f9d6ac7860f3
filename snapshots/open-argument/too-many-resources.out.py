# More resources in one statement than Python before 3.13 nests blocks: a with takes the first 20, the rest are reported
import shutil


def concatenate(out):
    with open("header.txt") as f:
        shutil.copyfileobj(f, out)
    with open("part0.txt") as fh, open("part1.txt") as fp, open("part2.txt") as f2, open("part3.txt") as f3, open("part4.txt") as f4, open("part5.txt") as f5, open("part6.txt") as f6, open("part7.txt") as f7, open("part8.txt") as f8, open("part9.txt") as f9, open("part10.txt") as f10, open("part11.txt") as f11, open("part12.txt") as f12, open("part13.txt") as f13, open("part14.txt") as f14, open("part15.txt") as f15, open("part16.txt") as f16, open("part17.txt") as f17, open("part18.txt") as f18, open("part19.txt") as f19:
        print(
            fh,
            fp,
            f2,
            f3,
            f4,
            f5,
            f6,
            f7,
            f8,
            f9,
            f10,
            f11,
            f12,
            f13,
            f14,
            f15,
            f16,
            f17,
            f18,
            f19,
            open("part20.txt"),
            open("part21.txt"),
            open("part22.txt"),
            file=out,
        )
