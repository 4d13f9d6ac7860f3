import os


def clean():
    os.popen("make clean")
    print("cleaned")
