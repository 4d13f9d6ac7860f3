# At module level an annotation is evaluated after the value: on a line of its own it would run
# before the open (this one calls code), so it is reported, not fixed
def make_type(name):
    print("annotation", name)
    return object


g: make_type("g") = open(__file__)
head = g.readline()
g.close()
