from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "core.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from core.audit import config

        from .models import Delegation, Department, Region, RoleAssignment, User

        config.register(User, exclude=("last_login",), secret=("password",))
        config.register(RoleAssignment, parent="user")
        config.register(Delegation, exclude=("created",))
        config.register(Department)
        config.register(Region)
