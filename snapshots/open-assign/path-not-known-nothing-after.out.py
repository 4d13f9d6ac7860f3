# `open(*a)` with nothing run after its last use: fixed
def save(data, *a):
    with open(*a) as f:
        f.write(data)
