# A triple-quoted string inside the moved statement is data: its lines are never re-indented
def write_report(path, name):
    open(path, "w").write("""Report
  for: %s
end
""" % name)
    return open(path).read().split("""
""")
