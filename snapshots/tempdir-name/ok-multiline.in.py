# A call over several lines, with a comment inside
import tempfile

d = tempfile.TemporaryDirectory(  # expect: WFY111
    prefix="job-",  # a prefix
).name
