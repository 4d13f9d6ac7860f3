# A triple-quoted string inside the moved body keeps its lines exactly as they are
def write_template(path, name):
    f = open(path, "w")
    f.write("""Dear %s,
  this line is data,
not code
""" % name)
    f.write('''second
    block''')
    f.close()
