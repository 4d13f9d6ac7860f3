# below 3.10 a long header with several items stays on one line (parenthesised items are 3.10 syntax)
def compare(expected_output_path, actual_output_path):
    for left, right in zip(open(expected_output_path, encoding="utf-8"), open(actual_output_path, encoding="utf-8")):
        if left != right:
            return False
    return True
