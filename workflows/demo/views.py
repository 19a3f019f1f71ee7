from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core import engine
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org import selectors as org

from .forms import DemoRequestForm
from .services import demo_submit
from .steps import KIND


@login_required
def new_request(request):
    form = DemoRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if org.is_read_only(request.user):
            messages.error(request, _("Auditors can read everything and change nothing."))
        else:
            try:
                obj = demo_submit(actor=request.user, cc=cc_from_post(request.POST),
                                  **form.cleaned_data)
            except ApprovalError as exc:
                messages.error(request, str(exc.message))
            else:
                req = engine.request_for(KIND, obj.pk)
                messages.success(request, _("Submitted %(n)s.") % {"n": obj.number})
                return redirect("inbox:request", request_id=req.pk)
    return render(request, "demo/new.html", {"form": form}, status=400 if form.errors else 200)
