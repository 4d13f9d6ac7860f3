# `--target-version 3.4`: `Path.read_text()` and `write_text()` came in Python 3.5. Not fixed.
config = lambda p: open(p).read()
