"""Domain errors: each carries a stable code (for the API) and a translated human message."""

from django.utils.translation import gettext_lazy as _


class ApprovalError(Exception):
    code = "approval_error"
    status = 400
    # A refusal that says nothing final about the request (another decision holds its lock):
    # the API answers it with Retry-After and never stores it under an Idempotency-Key.
    retryable = False
    default_message = _("The request could not be processed.")

    def __init__(self, message=None, *, fields: dict | None = None):
        self.message = message if message is not None else self.default_message
        self.fields = fields or {}
        super().__init__(str(self.message))

    def __str__(self):
        return str(self.message)


class PermissionDeniedError(ApprovalError):
    code = "permission_denied"
    status = 403
    default_message = _("You are not allowed to do this.")


class SegregationOfDutiesError(PermissionDeniedError):
    code = "segregation_of_duties"
    default_message = _("You may not decide a request that you submitted or act for.")


class NotYourTaskError(PermissionDeniedError):
    code = "not_your_task"
    default_message = _("This task is not assigned to you or to anyone you act for.")


class AuthorityLimitError(PermissionDeniedError):
    code = "authority_limit"
    default_message = _("This decision is beyond your approval authority.")


class ReadOnlyRoleError(PermissionDeniedError):
    code = "read_only_role"
    default_message = _("Auditors can read everything and change nothing.")


class StateConflictError(ApprovalError):
    code = "state_conflict"
    status = 409
    default_message = _("This was already decided or withdrawn; refresh to see its state.")


class BusyError(StateConflictError):
    """The request's lock was held past the database's lock timeout: retry in a moment."""

    retryable = True
    default_message = _("Someone else is acting on this request right now; try again in a "
                        "moment.")


class InvalidInputError(ApprovalError):
    code = "invalid"
    status = 400
    default_message = _("Some fields are not valid.")


class MatrixConfigurationError(ApprovalError):
    code = "matrix_configuration"
    status = 400
    default_message = _("The approval-authority matrix has no band for this request.")


class NotFoundError(ApprovalError):
    code = "not_found"
    status = 404
    default_message = _("Not found, or not visible to you.")
