import json


# A `\` continuation among the arguments is no argument: the file is still the first one.
def load(path):
    return json.load( \
        open(path))
