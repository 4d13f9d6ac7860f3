# A module-level call given a chain as an argument: each file is read into a name in a `with` of its own before
# the call, and closed before the call runs, as CPython closed it when read() returned. A `with` around the call
# would hold it open while setup() builds the package.
from setuptools import setup

with open("README.rst") as _f:
    _long_description = _f.read()
with open("LICENSE", encoding="utf-8") as _fh:
    _text = _fh.read()
setup(
    name="example",
    long_description=_long_description,
    license=_text,
    version="1.0",
)

with open("README.rst") as _fp:
    _content = _fp.read()
with open("CHANGES.rst") as _f2:
    _text2 = _f2.read()
setup(
    name="joined",
    long_description=_content + "\n\n" + _text2,
)

with open("README.rst", "rb") as _f3:
    _data = _f3.read()
with open("CHANGES.rst", mode="rb") as _f4:
    _data2 = _f4.read()
setup(
    name="bytes",
    long_description=_data + b"\n\n" + _data2,
)

if __name__ == "__main__":
    with open("config.txt") as f:
        text = f.read()
    main(text)
