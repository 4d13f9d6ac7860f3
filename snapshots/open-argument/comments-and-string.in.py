# comments stay where they are; a triple-quoted string inside the moved statement is not re-indented
import json


def save(p):
    # write the template
    json.dump(
        {
            "doc": """first line
second line
    indented line""",  # keep this comment
        },
        open(p, "w"),
    )
    # done
    return json.load(open(p))  # read back
