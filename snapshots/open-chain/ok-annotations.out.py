# A call in a parameter's or the return's annotation runs once, when the function is defined: reported as that
def f(a: open("a").read(), b: open("b").read() = 1, *c: open("c").read()) -> open("d").read():
    pass
