from django.apps import AppConfig


class BareflowConfig(AppConfig):
    """Installed only by benchmarks/settings.py: never part of the product."""

    name = "benchmarks.bareflow"
    label = "bareflow"
    verbose_name = "Bare viewflow (benchmarks only)"
