# Arguments indented by a fixed amount, not under the bracket: they stay where they are when the call moves.
import json


def load(path):
    result = json.load(open(path,
                encoding="utf-8"))
    return result
