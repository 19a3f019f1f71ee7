"""Template requests over the API (API.md "Templates"): the templates a user may submit with
the JSON Schema of each version's form, and submissions created, submitted and read against
that schema (the server validates with the same rules as the pages; errors by field key, a
table cell as "key.row.column"). Decisions go through the generic /api/tasks/ endpoints."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer, cc_field, submit_cc
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError

from . import rules, selectors, services
from .models import FormTemplate

TAGS = ["templates"]


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    json_schema = serializers.JSONField(help_text="JSON Schema (2020-12) of the form's values")


class TemplateSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    category = serializers.CharField()
    enabled = serializers.BooleanField()
    may_submit = serializers.BooleanField()
    versions = VersionSerializer(many=True)


class SubmissionInputSerializer(serializers.Serializer):
    template = serializers.SlugField(help_text="The template's code")
    values = serializers.JSONField(help_text="The form's values, by the version's JSON Schema")
    draft = serializers.BooleanField(default=False, help_text="Keep as a draft, not sent")
    cc = cc_field()


class SubmissionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    template = serializers.CharField(source="template.code")
    version = serializers.IntegerField(source="version.number")
    state = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    values = serializers.JSONField()
    submitter = serializers.CharField(source="submitter.username")
    request_id = serializers.IntegerField(allow_null=True)
    chain = serializers.JSONField()


class UploadInputSerializer(serializers.Serializer):
    field = serializers.CharField(max_length=64, help_text="The attachment field's key")
    file = serializers.FileField(help_text="PDF, JPEG or PNG (checked by content), at most "
                                           "10 MB")


class UploadSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Name it in the field's values as {\"id\": id}")
    field = serializers.CharField()
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    values = serializers.JSONField(help_text="The request's values, the file linked")


def _template_row(user, t: FormTemplate) -> dict:
    return {"code": t.code, "name": t.name, "name_zh": t.name_zh, "name_en": t.name_en,
            "category": t.category, "enabled": t.enabled,
            "may_submit": services.may_submit(user, t),
            "versions": [{"number": v.number, "published_at": v.published_at,
                          "json_schema": rules.json_schema(v.definition, title=t.name)}
                         for v in t.versions.order_by("-number")]}


def _submission(user, pk: int) -> dict:
    obj, req = selectors.submission_for(user, pk)
    obj.request_id = req.pk if req else None
    obj.chain = [{"label": s["label"], "code": s["code"]} for s in (req.chain if req else [])]
    return SubmissionSerializer(obj).data


class TemplateListView(APIView):
    @extend_schema(tags=TAGS, summary="Templates you may submit (all of them for those who "
                                      "manage templates), each version with its JSON Schema",
                   responses={200: TemplateSerializer(many=True), **ERRORS})
    def get(self, request):
        rows = [t for t in FormTemplate.objects.prefetch_related("versions").order_by("code")
                if t.versions.all() and (services.may_submit(request.user, t)
                                         or services.may_manage(request.user, t))]
        return Response([_template_row(request.user, t) for t in rows])


class SubmissionCreateView(APIView):
    @extend_schema(tags=TAGS, request=SubmissionInputSerializer, parameters=[IDEMPOTENCY_HEADER],
                   summary="Submit (or draft) a request with a template's current version",
                   responses={201: SubmissionSerializer, **ACTION_ERRORS})
    @idempotent
    def post(self, request):
        parsed = SubmissionInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = parsed.validated_data
        template = FormTemplate.objects.filter(code=data["template"]).first()
        if template is None or not services.may_submit(request.user, template):
            from core.exceptions import NotFoundError

            raise NotFoundError()
        obj = services.submission_submit(actor=request.user, template_id=template.pk,
                                         values=data["values"] if isinstance(
                                             data["values"], dict) else {},
                                         draft=data["draft"], cc=data["cc"])
        return Response(_submission(request.user, obj.pk), status=status.HTTP_201_CREATED)


class SubmissionDetailView(APIView):
    @extend_schema(tags=TAGS, responses={200: SubmissionSerializer, **ERRORS,
                                         404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(_submission(request.user, pk))


class SubmissionSendView(APIView):
    @extend_schema(tags=TAGS, request=SubmissionInputSerializer, parameters=[IDEMPOTENCY_HEADER],
                   summary="Send a draft (its values replaced by `values`)",
                   responses={200: SubmissionSerializer, **ACTION_ERRORS})
    @idempotent
    def post(self, request, pk: int):
        obj, _req = selectors.submission_for(request.user, pk)
        values = request.data.get("values") if isinstance(request.data, dict) else None
        # no values: the draft's own (with the files uploaded to it)
        services.submission_send_draft(actor=request.user, submission_id=obj.pk,
                                       values=values if isinstance(values, dict)
                                       else obj.values,
                                       cc=submit_cc(request))
        return Response(_submission(request.user, pk))


class SubmissionFilesView(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(tags=TAGS, request={"multipart/form-data": UploadInputSerializer},
                   parameters=[IDEMPOTENCY_HEADER],
                   summary="Upload a file for an attachment field of your draft or returned "
                           "request: stored with the upload rules and linked to the field",
                   responses={201: UploadSerializer, **ACTION_ERRORS})
    @idempotent
    def post(self, request, pk: int):
        obj, _req = selectors.submission_for(request.user, pk)
        if request.FILES.get("file") is None:
            raise InvalidInputError(_("Choose a file to upload."),
                                    fields={"file": [_("A file is required.")]})
        parsed = UploadInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        att = services.submission_attach(actor=request.user, submission_id=obj.pk,
                                         field=parsed.validated_data["field"],
                                         upload=parsed.validated_data["file"])
        obj, _req = selectors.submission_for(request.user, pk)
        return Response({"id": att.pk, "field": parsed.validated_data["field"],
                         "name": att.original_name, "content_type": att.content_type,
                         "size": att.size, "sha256": att.sha256, "values": obj.values},
                        status=status.HTTP_201_CREATED)
