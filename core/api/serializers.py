"""What the API shows and what it accepts.

Output serializers only read rows the selectors (and `core.api.rows`) already prepared, so a list
renders without a query per row. Input serializers parse and bound values; the services decide.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core import kinds
from core.inbox.actions import POSITIONS
from core.inbox.models import RequestStatus, WorkItemStatus
from core.inbox.selectors import SCOPES
from core.org.models import User
from core.registry import RESUBMIT_CHOICES

from .fields import AmountField
from .rows import ACTIONS, acting_for, available_actions

MAX_ID = 2**63 - 1  # the largest BIGINT: a bigger id is simply not found, never a 500
TEXT_MAX = 4000


def money_field(**kwargs) -> serializers.DecimalField:
    """An amount: in input, ASCII digits only (core.api.fields.AmountField)."""
    return AmountField(max_digits=14, decimal_places=2, **kwargs)


def text_field(**kwargs) -> serializers.CharField:
    kwargs.setdefault("max_length", TEXT_MAX)
    return serializers.CharField(**kwargs)



class KindChoiceField(serializers.ChoiceField):
    """A process kind: the choices are the registered processes, read when the field is made
    (each request and the schema), so core lists no kind of its own."""

    def __init__(self, **kwargs):
        super().__init__(choices=kinds.choices(), **kwargs)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    # DRF's metaclass pops declared fields off the class; the stubs see the `fields` property.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()))


ERRORS = {400: ErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer}
ACTION_ERRORS = {**ERRORS, 404: ErrorSerializer, 409: ErrorSerializer, 422: ErrorSerializer}


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.CharField(source="__str__")


# --- tasks -----------------------------------------------------------------------------------


class TaskRequestSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="object_id")
    number = serializers.CharField()
    title = serializers.CharField()
    amount = money_field(allow_null=True)
    currency = serializers.CharField()
    submitter = PersonSerializer()


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    process = serializers.CharField(source="kind")
    request = TaskRequestSerializer()
    step = serializers.CharField(source="step_code")
    step_label = serializers.CharField()
    # A plain string: a second "status" enum beside the request's would collide in the schema.
    status = serializers.CharField(help_text=", ".join(WorkItemStatus.values))
    assignee = PersonSerializer(allow_null=True)
    acting_for = serializers.SerializerMethodField()
    created = serializers.DateTimeField()
    due = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()
    available_actions = serializers.SerializerMethodField()
    decision = serializers.CharField()
    decided_at = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_acting_for(self, item):
        person = acting_for(item, self.context["viewer"])
        return PersonSerializer(person).data if person is not None else None

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=ACTIONS)))
    def get_available_actions(self, item):
        return available_actions(item, self.context["viewer"])


class TaskQuerySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=SCOPES, default=SCOPES[0])
    kind = KindChoiceField(required=False)
    step = serializers.CharField(max_length=40, required=False)
    submitter = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    amount_min = money_field(required=False)
    amount_max = money_field(required=False)
    overdue = serializers.BooleanField(default=False)
    q = serializers.CharField(
        max_length=100, required=False, allow_blank=True,
        help_text=_("Search: every word must be found in the request's number, title, customer "
                    "or submitter (name or username)."))


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}],
                      "description": "A user id or a username."})
class UserRefField(serializers.Field):
    default_error_messages = {"missing": _("No active user with this id or username.")}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("missing")
        if isinstance(data, str):
            data = data.strip()
            if not data or "\x00" in data:
                self.fail("missing")
            user = User.objects.filter(username=data).first()
            if user is not None:
                return user
            if not (data.isascii() and data.isdigit()):
                self.fail("missing")
            data = int(data)
        user = User.objects.filter(pk=data).first() if 0 < data <= MAX_ID else None
        if user is None:
            self.fail("missing")
        return user

    def to_representation(self, value):
        return value.pk


def cc_field():
    """抄送 on submit: the people the submitter copies (ids or usernames)."""
    return serializers.ListField(
        child=UserRefField(), required=False, default=list, max_length=10,
        help_text="抄送: up to 10 people to copy (user ids or usernames). Each is told and "
                  "reads the request; inactive people and the submitter are refused (400 on "
                  "`cc`, naming them). The process's own CC rules apply as well.")


class SubmitSerializer(serializers.Serializer):
    """The body of a process's submit action: optional; `cc` copies people on submit."""

    cc = cc_field()


def submit_cc(request) -> list:
    """The `cc` of a submit action's body (none when the body is empty)."""
    data = request.data if isinstance(request.data, dict) else {}
    parsed = SubmitSerializer(data=data)
    parsed.is_valid(raise_exception=True)
    return parsed.validated_data["cc"]


def decision_cc_field():
    """抄送 when deciding: the approver copies people with the decision."""
    return serializers.ListField(
        child=UserRefField(), required=False, default=list, max_length=10,
        help_text="抄送: up to 10 people to copy with the decision (user ids or usernames); "
                  "copied and decided in one transaction, or neither (400 on `cc` naming "
                  "a refused person).")


class ApproveSerializer(serializers.Serializer):
    comment = text_field(default="", allow_blank=True)
    cc = decision_cc_field()


class RejectSerializer(serializers.Serializer):
    reason = text_field()
    cc = decision_cc_field()


class ReturnSerializer(serializers.Serializer):
    reason = text_field()
    cc = decision_cc_field()
    to_step = serializers.IntegerField(
        min_value=0, max_value=32767, required=False, allow_null=True, default=None,
        help_text=_("Index of an earlier chain step; absent or null sends it to the submitter."),
    )
    resubmit_to = serializers.ChoiceField(
        choices=RESUBMIT_CHOICES, required=False,
        help_text=_("Returned to the submitter: where the resubmission goes — 'restart' (the "
                    "whole route again) or 'returner' (straight back to this step), as far as "
                    "the process allows; absent: the process's default."),
    )


class ReassignSerializer(serializers.Serializer):
    assignee = UserRefField()
    reason = text_field()


class TransferSerializer(serializers.Serializer):
    assignee = UserRefField()
    reason = text_field()


class AddSignerSerializer(serializers.Serializer):
    signers = serializers.ListField(child=UserRefField(), min_length=1, max_length=5,
                                    help_text="1 to 5 people, each a user id or a username.")
    position = serializers.ChoiceField(
        choices=POSITIONS, help_text="before: they decide first, then the step comes back to "
        "you; after: extra steps after yours; alongside: co-signers of your step, whose "
        "approval is required too (the step is decided when all of you approved).")
    reason = text_field()
    sla_hours = AmountField(
        max_digits=5, decimal_places=1, min_value=Decimal("0.5"), max_value=Decimal("240"),
        required=False, allow_null=True, default=None,
        help_text="Working hours each added signer has (default: the step's SLA rule).")


class UrgeSerializer(serializers.Serializer):
    comment = text_field(default="", allow_blank=True, max_length=500)


class UrgeResponseSerializer(serializers.Serializer):
    task = serializers.IntegerField(source="work_item_id")
    urged_at = serializers.DateTimeField(source="created")
    recipients = PersonSerializer(many=True)
    next_urge_at = serializers.DateTimeField()


class BulkApproveSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        allow_empty=False, max_length=200,
    )
    comment = text_field(default="", allow_blank=True)


class BulkResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ok = serializers.BooleanField()
    code = serializers.CharField(required=False)
    detail = serializers.CharField(required=False)


class BulkResponseSerializer(serializers.Serializer):
    results = BulkResultSerializer(many=True)


# --- requests --------------------------------------------------------------------------------


class RequestSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="object_id")
    request_id = serializers.IntegerField(source="pk")
    number = serializers.CharField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    amount = money_field(allow_null=True)
    currency = serializers.CharField()
    current_step = serializers.CharField()
    waiting_on = PersonSerializer(many=True)
    since = serializers.DateTimeField(
        help_text="When the request entered its current state (and step).")
    submitter = PersonSerializer()


class ChainStepSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a declared field, not Field.label
    note = serializers.CharField()
    current = serializers.BooleanField()
    candidates = PersonSerializer(many=True)


class HistoryEventSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    at = serializers.DateTimeField(source="occurred_at")
    event = serializers.CharField()
    actor = serializers.CharField(source="actor_name")
    acting_for = serializers.CharField(source="on_behalf_of_name")
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    comment = serializers.CharField()
    changes = serializers.DictField()


class RequestDetailSerializer(RequestSerializer):
    step_index = serializers.IntegerField()
    created = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    chain = ChainStepSerializer(many=True, source="chain_steps")
    history = HistoryEventSerializer(many=True)
    open_tasks = TaskSerializer(many=True, help_text="The request's open tasks, each with what "
                                "you may do on it (the submitter may `urge`).")
    urge_count = serializers.IntegerField(help_text="How often its tasks were urged (催办).")
    copied_to = PersonSerializer(many=True, help_text="Who is copied on it (抄送): they read "
                                 "it and may comment, never decide.")


class RequestQuerySerializer(serializers.Serializer):
    mine = serializers.BooleanField(default=False)
    kind = KindChoiceField(required=False)
    status = serializers.ChoiceField(choices=RequestStatus.choices, required=False)
    q = serializers.CharField(
        max_length=100, required=False, allow_blank=True,
        help_text=_("Search: every word must be found in the request's number, title, customer "
                    "or submitter (name or username)."))


class WithdrawSerializer(serializers.Serializer):
    reason = text_field(default="", allow_blank=True)


class ResubmitSerializer(serializers.Serializer):
    comment = text_field(default="", allow_blank=True)
