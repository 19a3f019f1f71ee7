"""What the plan endpoints share: tags, the visible plan (404 otherwise), uploads."""

from django.utils.translation import gettext as _

from core import engine
from core.api.serializers import ACTION_ERRORS, ErrorSerializer
from core.exceptions import InvalidInputError, NotFoundError

from .. import selectors, services
from ..models import Plan

PLANS, GRID, ACTUALS = ["plans: plans"], ["plans: allocations"], ["plans: actuals"]
FILE_ERRORS = {**ACTION_ERRORS, 413: ErrorSerializer, 415: ErrorSerializer}


def visible(user, pk: int) -> Plan:
    plan = selectors.visible_plan(user, pk)
    if plan is None:
        raise NotFoundError()
    return plan


def upload(request) -> tuple[bytes, str]:
    upload = request.FILES.get("file")
    if upload is None:
        raise InvalidInputError(_("Choose a file to upload."),
                                fields={"file": [_("A file is required.")]})
    if upload.size > services.xlsx.MAX_UPLOAD:
        raise engine.UploadTooLargeError(_("The file is larger than 2 MB."),
                                         fields={"file": [_("Upload at most 2 MB.")]})
    return upload.read(), upload.name or ""
