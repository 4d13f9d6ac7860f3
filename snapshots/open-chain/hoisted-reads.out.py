# A module-level call given a chain as an argument: each file is read into a name in a `with` of its own before
# the call, and closed before the call runs, as CPython closed it when read() returned. A `with` around the call
# would hold it open while setup() builds the package.
from setuptools import setup

with open("README.rst") as f:
    long_description = f.read()
with open("LICENSE", encoding="utf-8") as fh:
    text = fh.read()
setup(
    name="example",
    long_description=long_description,
    license=text,
    version="1.0",
)

with open("README.rst") as fp:
    content = fp.read()
with open("CHANGES.rst") as f2:
    text2 = f2.read()
setup(
    name="joined",
    long_description=content + "\n\n" + text2,
)

with open("README.rst", "rb") as f3:
    data = f3.read()
with open("CHANGES.rst", mode="rb") as f4:
    data2 = f4.read()
setup(
    name="bytes",
    long_description=data + b"\n\n" + data2,
)

if __name__ == "__main__":
    with open("config.txt") as f5:
        text3 = f5.read()
    main(text3)
