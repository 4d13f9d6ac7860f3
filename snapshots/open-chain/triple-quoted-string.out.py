# A triple-quoted string inside the moved statement is data: its lines are never re-indented
def write_report(path, name):
    with open(path, "w") as f:
        f.write("""Report
  for: %s
end
""" % name)
    with open(path) as fh:
        return fh.read().split("""
""")
