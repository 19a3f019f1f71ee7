from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def inbox(request):
    return HttpResponse("inbox")


@login_required
def task_detail(request, task_id):
    return HttpResponse("task")
