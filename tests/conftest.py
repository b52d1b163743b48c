"""Test configuration shared by the core and GUI tests."""

import os

# Tests never open a real window: the offscreen platform needs no display or X libraries.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings  # noqa: E402

# Property tests check behaviour, not speed (speed lives in bench/): on a loaded CI machine
# Hypothesis's per-example deadline and its "too slow" health check fail a correct build.
# Examples stay random, so a run still explores; a failure prints the blob that replays it.
settings.register_profile(
    "annotator",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("annotator")
