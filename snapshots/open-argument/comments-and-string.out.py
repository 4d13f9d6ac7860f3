# comments stay where they are; a triple-quoted string inside the moved statement is not re-indented
import json


def save(p):
    # write the template
    with open(p, "w") as f:
        json.dump(
            {
                "doc": """first line
second line
    indented line""",  # keep this comment
            },
            f,
        )
    # done
    with open(p) as fh:
        return json.load(fh)  # read back
