# A call over several lines, with a comment inside
import tempfile

d = tempfile.TemporaryDirectory(  # expect: WFY111
    prefix="job-",  # a prefix
).name

# In parentheses, as Black wraps a long line
work = (  # expect: WFY111
    tempfile.TemporaryDirectory(prefix="build")
).name
