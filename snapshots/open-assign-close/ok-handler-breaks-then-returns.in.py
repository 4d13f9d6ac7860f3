# a handler whose `break` goes on after the loop, though it ends in `return`
def main(p, items):
    for it in items:
        try:
            f = open(p, "a")
            f.write(it + "\n")
            if it == "bad":
                raise ValueError(it)
            f.close()
        except ValueError:
            if it == "bad":
                break
            return
    with open(p, "a") as g:
        g.write("after\n")
