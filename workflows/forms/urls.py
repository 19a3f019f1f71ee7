from django.urls import path

from . import editor_views, views

app_name = "forms"
urlpatterns = [
    path("new/", views.catalogue, name="catalogue"),
    path("new/<slug:code>/", views.new, name="new"),
    path("requests/<int:submission_id>/", views.detail, name="detail"),
    path("requests/<int:submission_id>/revise/", views.revise, name="revise"),
    path("requests/<int:submission_id>/cancel/", views.cancel, name="cancel"),
    path("templates/", editor_views.templates, name="templates"),
    path("templates/new/", editor_views.template_new, name="template-new"),
    path("templates/<int:template_id>/", editor_views.template_edit, name="template"),
    path("templates/<int:template_id>/diff/", editor_views.template_diff, name="template-diff"),
    path("templates/<int:template_id>/export.xlsx", editor_views.template_export,
         name="template-export"),
]
