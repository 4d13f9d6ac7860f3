# CRLF line endings stay CRLF, the new import line too
"""Module docstring."""
read = lambda p: open(p).read()
