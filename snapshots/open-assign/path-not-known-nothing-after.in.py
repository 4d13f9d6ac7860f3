# `open(*a)` with nothing run after its last use: fixed
def save(data, *a):
    f = open(*a)
    f.write(data)
