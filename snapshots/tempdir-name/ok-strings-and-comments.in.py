# In strings and comments the pattern is text: not reported
import tempfile

# tempfile.TemporaryDirectory().name
doc = """
tempfile.TemporaryDirectory().name
"""
