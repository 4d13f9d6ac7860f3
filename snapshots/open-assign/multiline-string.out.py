# A triple-quoted string inside the moved body keeps its lines exactly as they are
def write_template(path, name):
    with open(path, "w") as out:
        out.write("""Dear %s,
  this line is data,
not code
""" % name)
    return name
