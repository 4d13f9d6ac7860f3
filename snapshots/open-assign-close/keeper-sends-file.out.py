# A call that sends the file and returns is no keeper; a comment after the second open of one `with` stays
import requests


def upload(path, url, log):
    with open(path, "rb") as f:
        resp = requests.put(url, data=f)
        log.info("status %s", resp.status_code)
    return resp


def copy(a, b):
    with open(a) as fin, open(b, "w") as fout:
        # the copy
        fout.write(fin.read())
