# A call that sends the file and returns is no keeper; a comment after the second open of one `with` stays
import requests


def upload(path, url, log):
    f = open(path, "rb")
    resp = requests.put(url, data=f)
    log.info("status %s", resp.status_code)
    f.close()
    return resp


def copy(a, b):
    fin = open(a)
    fout = open(b, "w")  # the copy
    fout.write(fin.read())
    fin.close()
    fout.close()
