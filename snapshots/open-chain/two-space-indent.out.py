# A file indented with two spaces gets two-space blocks
def save(path, data):
  if data:
    with open(path, "w") as f:
      f.write(data)
  with open(path) as fh:
    return fh.read()
