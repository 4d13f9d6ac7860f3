# A module-level call given a chain as an argument: each file is read into a name in a `with` of its own before
# the call, and closed before the call runs, as CPython closed it when read() returned. A `with` around the call
# would hold it open while setup() builds the package.
from setuptools import setup

setup(
    name="example",
    long_description=open("README.rst").read(),
    license=open("LICENSE", encoding="utf-8").read(),
    version="1.0",
)

setup(
    name="joined",
    long_description=open("README.rst").read() + "\n\n" + open("CHANGES.rst").read(),
)

setup(
    name="bytes",
    long_description=open("README.rst", "rb").read() + b"\n\n" + open("CHANGES.rst", mode="rb").read(),
)

if __name__ == "__main__":
    main(open("config.txt").read())
