# if/while conditions and assert: a with around them would span the whole block, or run under -O
def wait(flag, log):
    while open(flag).read().strip() != "done":
        pass
    if open(log, "rb").read():
        print("log not empty")
    elif open(log + ".old").read():
        print("old log")
    assert open(flag).read() == "done"
