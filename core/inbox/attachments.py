"""Uploads: type decided by content (not by name), size and count limits, generated names."""

import hashlib
import re
import secrets
import unicodedata

import filetype
from django.db import transaction
from django.http import FileResponse
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.exceptions import (
    ApprovalError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.org import selectors as org

from .models import (
    OPEN_REQUEST_STATES,
    Attachment,
    Candidate,
    Request,
    RequestStatus,
    WorkItem,
    WorkItemStatus,
)

MAX_BYTES = 10 * 1024 * 1024
MAX_PER_REQUEST = 20
# What each accepted type is served as; anything else is refused whatever its name says.
ALLOWED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class UploadTooLargeError(ApprovalError):
    code = "upload_too_large"
    status = 413


class UploadTypeError(ApprovalError):
    code = "upload_type_refused"
    status = 415


def safe_name(name: str) -> str:
    """A display name with no path, control characters or markup-significant characters."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "_", name).strip(" .")
    return name[:150] or "file"


def download_name(att: Attachment) -> str:
    """The uploaded name, but ending in the checked type's extension: a PDF uploaded as
    'invoice.html' is saved as 'invoice.html.pdf', never as something a browser would run."""
    ext = ALLOWED.get(att.content_type)
    name = att.original_name or "file"
    if ext and not name.lower().endswith(f".{ext}") and not (
            ext == "jpg" and name.lower().endswith(".jpeg")):
        name = f"{name}.{ext}"
    return name


def download_response(att: Attachment) -> FileResponse:
    """The file as a download with its checked type; never rendered inline by the browser.

    The caller has already decided the user may see the attachment's request.
    """
    try:
        handle = att.file.open("rb")
    except OSError:  # the row outlived its file: nothing to serve
        raise NotFoundError(_("The file of this attachment is missing.")) from None
    response = FileResponse(handle, as_attachment=True, filename=download_name(att),
                            content_type=att.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


PREVIEWABLE = frozenset({"application/pdf", "image/jpeg", "image/png"})


def inline_response(att: Attachment) -> FileResponse:
    """The file shown in a page of this site (an <img>, or a PDF in an <iframe>): its checked
    type, never sniffed; framed only by this site's pages; nothing in it may run or load."""
    if att.content_type not in PREVIEWABLE:
        raise NotFoundError()
    try:
        handle = att.file.open("rb")
    except OSError:
        raise NotFoundError(_("The file of this attachment is missing.")) from None
    response = FileResponse(handle, as_attachment=False, filename=download_name(att),
                            content_type=att.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    response["Cache-Control"] = "private, no-store"
    return response


def sniff(head: bytes) -> str | None:
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    return mime if mime in ALLOWED else None


# The submitter adds files until the final approval; they remove the ones they added while
# the request is theirs to change (a draft, or returned for revision).
SUBMITTER_UPLOADS = (RequestStatus.DRAFT, *OPEN_REQUEST_STATES)
SUBMITTER_REMOVES = (RequestStatus.DRAFT, RequestStatus.RETURNED)


def holds_current_step(user, req: Request) -> bool:
    """Whether the user holds an open task of the request, acts today for its holder, or may
    claim it from its queue."""
    from .selectors import acting_q

    items = WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN)
    queued = Candidate.objects.filter(acting_q(user, "user", kind_field="work_item__kind"),
                                      open=True, work_item__request=req).values("work_item_id")
    return (items.filter(acting_q(user, "assignee")).exists()
            or items.filter(assignee__isnull=True, pk__in=queued).exists())


def may_upload(user, req: Request) -> bool:
    """Files come from the submitter (until the final approval) and from whoever holds the
    current step; reading a request is not enough."""
    if org.is_read_only(user):
        return False
    if req.submitter_id == user.pk:
        return req.status in SUBMITTER_UPLOADS
    return req.status in OPEN_REQUEST_STATES and holds_current_step(user, req)


def may_remove(user, req: Request, att: Attachment) -> bool:
    return (req.submitter_id == user.pk and att.uploaded_by_id == user.pk
            and req.status in SUBMITTER_REMOVES and not org.is_read_only(user))


def attachment_add(*, request_id: int, actor, upload) -> Attachment:
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    size = getattr(upload, "size", None) or 0
    if size > MAX_BYTES:
        raise UploadTooLargeError(
            _("%(name)s is larger than 10 MB.") % {"name": safe_name(upload.name)},
            fields={"file": [_("At most 10 MB per file.")]},
        )
    if size == 0:
        raise InvalidInputError(_("The file is empty."), fields={"file": [_("Empty file.")]})
    upload.seek(0)
    head = upload.read(8192)
    mime = sniff(head)
    if mime is None:
        raise UploadTypeError(
            _("%(name)s is not a PDF, JPEG or PNG file (checked by its content).")
            % {"name": safe_name(upload.name)},
            fields={"file": [_("Only PDF, JPEG and PNG files are accepted.")]},
        )
    digest = hashlib.sha256(head)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        req = Request.objects.select_for_update().get(pk=request_id)
        if req.status not in SUBMITTER_UPLOADS:
            raise StateConflictError(
                _("This request is %(status)s: its documents can no longer change.")
                % {"status": req.get_status_display()})
        if not may_upload(actor, req):
            raise PermissionDeniedError(
                _("Only the submitter and whoever holds the current step add files."),
                fields={"file": [_("You may not add files to this request.")]})
        if req.attachments.count() >= MAX_PER_REQUEST:
            raise InvalidInputError(
                _("A request can have at most %(n)d attachments.") % {"n": MAX_PER_REQUEST},
                fields={"file": [_("Too many attachments.")]},
            )
        att = Attachment(
            request=req,
            token=secrets.token_hex(16),
            original_name=safe_name(upload.name),
            content_type=mime,
            size=size,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
        )
        att.file.save(f"{att.token}.{ALLOWED[mime]}", upload, save=False)
        att.save()
        audit.record(actor=actor, subject_kind=req.kind, subject_id=req.object_id,
                     number=req.number, amount=req.amount, event=f"{req.kind}.attachment_added",
                     data={"attachment": att.pk, "name": att.original_name, "sha256": att.sha256,
                           "size": size, "type": mime})
        return att


def attachment_remove(*, request_id: int, attachment_id: int, actor) -> Attachment:
    """The submitter removes a file they added, while the request is a draft or returned for
    revision: the row goes (the quota counts what the request holds), the file after commit,
    and the audit trail keeps its name and checksum."""
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    with transaction.atomic():
        req = Request.objects.select_for_update().filter(pk=request_id).first()
        if req is None:
            raise NotFoundError()
        att = Attachment.objects.select_for_update().filter(request=req, pk=attachment_id).first()
        if att is None:
            raise NotFoundError()
        if req.submitter_id != actor.pk or att.uploaded_by_id != actor.pk:
            raise PermissionDeniedError(
                _("Only the submitter removes the files they added to their request."))
        if not may_remove(actor, req, att):
            raise StateConflictError(
                _("Files can be removed while the request is a draft or returned for revision; "
                  "this one is %(status)s.") % {"status": req.get_status_display()})
        storage, name = att.file.storage, att.file.name
        audit.record(actor=actor, subject_kind=req.kind, subject_id=req.object_id,
                     number=req.number, amount=req.amount,
                     event=f"{req.kind}.attachment_removed",
                     data={"attachment": att.pk, "name": att.original_name,
                           "sha256": att.sha256, "size": att.size, "type": att.content_type})
        att.delete()
        transaction.on_commit(lambda: storage.delete(name) if name else None)
        return att
