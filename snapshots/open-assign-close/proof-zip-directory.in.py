# Proof: an exception before z.close() leaves a zip without its central directory on PyPy
import zipfile


def pack(path, names):
    z = zipfile.ZipFile(path, "w")
    for n in names:
        if n is None:
            raise ValueError("no name")
        z.writestr(n, n * 10)
    z.close()


try:
    pack("proof.zip", ["a", "b", None])
except ValueError as e:
    print("caught:", e)
with zipfile.ZipFile("proof.zip") as z:
    print(sorted(z.namelist()))
