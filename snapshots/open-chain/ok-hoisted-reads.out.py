# Where the chain is not read first: reported, not hoisted; a builtin's call, or a function's, keeps the `with`
# around the statement (see hoisted-reads).
from setuptools import setup

setup(
    name="example",
    version=load_version(),  # runs before the read: reading first would change the order
    long_description=open("README.rst").read(),
)
