# two files written in one statement on paths of other texts (`stdout=`, `stderr=`): one `with`
import subprocess
import sys


def run(out, err):
    with open(out, "w") as f, open(err, "w") as fh:
        subprocess.call([sys.executable, "-c", "import sys; print('o'); print('e', file=sys.stderr)"], stdout=f, stderr=fh)
