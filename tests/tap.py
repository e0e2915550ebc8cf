"""tap.py: TAP lines for the Python checkers (tests/check-*.py), which
tests/tap.sh's tap_include numbers: "ok - ..." or "not ok - ..." and, under
a failure, what was found instead as "#" lines."""

failures = 0


def report(passed, description, detail=None):
    """Prints one result; counts the failures."""
    global failures
    print("%s - %s" % ("ok" if passed else "not ok", description))
    if not passed:
        failures += 1
        if detail is not None:
            for line in str(detail)[:2000].splitlines():
                print("#   " + line)
