from django.apps import AppConfig


class ThrowawayConfig(AppConfig):
    name = "tests.core.throwaway"
    label = "zz_throwaway"

    def ready(self):
        from core import registry

        from .process import SPEC

        registry.register(SPEC)
