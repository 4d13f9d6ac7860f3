# A header changed in place: the lines under a bracket that ends an aligned line move as that line moves.
import gzip


def read(p, opts):
    with open(p, "rb") as f, gzip.GzipFile(fileobj=f,
                                           **opts.get(
                                               "gz", {})) as gz:
        return gz.read()
