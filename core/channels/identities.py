"""Import people's IM platform ids from CSV: `username,platform,external_id` per line (a
header line is allowed). Each row is saved on its own model save, so every change is audited
(core.audit.config); a bad row is reported by line and leaves the others."""

import csv
import io

from django.db import transaction
from django.utils.translation import gettext as _

from core.org.models import User

from .models import Channel, PlatformIdentity


def import_csv(text: str) -> tuple[int, list[str]]:
    """(rows saved, errors as "line N: why")."""
    saved, errors = 0, []
    platforms = {c.value for c in Channel} - {Channel.EMAIL.value}
    reader = csv.reader(io.StringIO(text))
    for lineno, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if lineno == 1 and cells[:1] == ["username"]:
            continue
        if len(cells) != 3:
            errors.append(_("line %(n)s: expected username,platform,external_id") % {"n": lineno})
            continue
        username, platform, external_id = cells
        if platform not in platforms:
            errors.append(_("line %(n)s: unknown platform %(p)s") % {"n": lineno, "p": platform})
            continue
        if not external_id or len(external_id) > 100:
            errors.append(_("line %(n)s: the platform user id is empty or too long")
                          % {"n": lineno})
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            errors.append(_("line %(n)s: no user %(u)s") % {"n": lineno, "u": username})
            continue
        with transaction.atomic():
            ident = PlatformIdentity.objects.select_for_update().filter(
                user=user, platform=platform).first()
            if ident is None:
                PlatformIdentity.objects.create(user=user, platform=platform,
                                                external_id=external_id)
            elif ident.external_id != external_id:
                ident.external_id = external_id
                ident.save()
        saved += 1
    return saved, errors
