# A factory returns the archive it made: no finding. `.gettarinfo()` gives a plain `TarInfo` record, which holds
# nothing of the archive (Google Cloud SDK's `_MakeTarball`).
import tarfile


def make(p, paths):
    tf = tarfile.open(p, mode="w:gz")
    for d in paths:
        t = tf.gettarinfo(d)
        tf.addfile(t)
    return tf
