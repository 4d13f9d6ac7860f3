# Arguments indented by a fixed amount, not under the bracket: they stay where they are when the call moves.
import json


def load(path):
    with open(path,
                encoding="utf-8") as f:
        result = json.load(f)
    return result
