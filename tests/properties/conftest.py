"""Settings profiles and fixtures for the state-machine properties (issue 9).

    .venv/bin/python -m pytest -p no:randomly tests/properties         # CI: 100 examples each
    make properties     # = HYPOTHESIS_PROFILE=nightly …: 2,000 examples each, an hour or more
    HYPOTHESIS_PROFILE=dev ...                                         # 20, while editing

The profile applies only to these machines (passed to `run_state_machine_as_test`), never
loaded globally: other hypothesis users in the suite (schemathesis) keep their own settings.
An unknown profile name falls back to the CI run.
"""

import os

from hypothesis import HealthCheck, settings

PROFILES = {
    # 100 examples per process, each a sequence of up to 16 actions: the three main machines
    # took 18 of the suite's 26 CPU-minutes at 200 (2026-12-07); the nightly run goes deeper.
    "ci": settings(max_examples=100, stateful_step_count=16, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                   print_blob=True),
    "nightly": settings(max_examples=2000, stateful_step_count=24, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow,
                                               HealthCheck.data_too_large],
                        print_blob=True),
    # A quick look while working on the machines.
    "dev": settings(max_examples=20, stateful_step_count=16, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    print_blob=True),
}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in PROFILES:
    PROFILE = "ci"
# Room for hypothesis to shrink a failure to its shortest sequence (a passing CI run takes
# about a minute per process).
TIMEOUT = 900 if PROFILE != "nightly" else 7200


def machine_settings() -> settings:
    return PROFILES[PROFILE]


