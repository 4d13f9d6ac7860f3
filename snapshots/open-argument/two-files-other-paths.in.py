# two files written in one statement on paths of other texts (`stdout=`, `stderr=`): one `with`
import subprocess
import sys


def run(out, err):
    subprocess.call([sys.executable, "-c", "import sys; print('o'); print('e', file=sys.stderr)"], stdout=open(out, "w"), stderr=open(err, "w"))
