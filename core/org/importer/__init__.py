"""Onboarding a company from one workbook: departments, regions, people and their roles.

`org_import_preview` is the dry run, `org_import_apply` applies all or nothing with an audit
event per change; both are used by `manage.py import_org` and by the admin's upload page."""

from .plan import Change, ImportPlan, Leaver
from .services import ImportRefused, org_import_apply, org_import_preview, org_import_store
from .workbook import MAX_UPLOAD, SHEETS, RowError, template_xlsx

__all__ = ["Change", "ImportPlan", "Leaver", "ImportRefused", "org_import_apply",
           "org_import_preview", "org_import_store", "MAX_UPLOAD", "SHEETS", "RowError",
           "template_xlsx"]
