"""Settings for benchmark runs only: the product's local settings plus a bare viewflow flow
(benchmarks.bareflow) and viewflow's own inbox pages at /bare/, so viewflow alone is measured
beside Countersign in the same run, process and database. The product never loads this."""

import warnings

from django.conf import global_settings

from config.settings.local import *  # noqa: F403
from config.settings.local import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.bareflow"]
ROOT_URLCONF = "benchmarks.urls"
# The HTTP load logs its virtual users in before it measures: a fast hash keeps that short.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                    *global_settings.PASSWORD_HASHERS]
# Pages are measured without their static files (collectstatic is not part of a benchmark).
warnings.filterwarnings("ignore", message="No directory at")
# Without a broker, jobs run in-process; kombu would warn about the memory transport each time.
LOGGING["loggers"]["kombu"] = {"level": "ERROR"}  # noqa: F405
