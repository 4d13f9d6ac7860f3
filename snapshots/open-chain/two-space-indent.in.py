# A file indented with two spaces gets two-space blocks
def save(path, data):
  if data:
    open(path, "w").write(data)
  return open(path).read()
