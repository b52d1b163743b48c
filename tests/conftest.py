"""Test configuration shared by the core and GUI tests."""

import os

# Tests never open a real window: the offscreen platform needs no display or X libraries.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
