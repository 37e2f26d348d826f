"""Protocol tier: Hypothesis explores at random on a developer's machine, the same examples in CI.

CI must not fail on an example nobody can reproduce, and its coverage gate must see the
same inputs on every run; a developer's run keeps searching new ground.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
