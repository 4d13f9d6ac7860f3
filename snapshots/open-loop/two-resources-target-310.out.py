# with --target-version 3.10 a long header with several items uses the parenthesised form
def compare(expected_output_path, actual_output_path):
    with (
        open(expected_output_path, encoding="utf-8") as f,
        open(actual_output_path, encoding="utf-8") as fh,
    ):
        for left, right in zip(f, fh):
            if left != right:
                return False
    return True
