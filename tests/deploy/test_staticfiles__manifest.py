"""Production static files: `collectstatic` with the manifest storage succeeds on the installed
packages (viewflow ships a CSS file naming fonts it does not ship), pages then render with
hashed URLs, and a missing file referenced from our own CSS still fails the run."""

import json

import pytest
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.staticfiles.ManifestStorage"},
}


@pytest.fixture(scope="module")
def collected(tmp_path_factory, django_db_blocker):
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES):
        from django.contrib.staticfiles.storage import staticfiles_storage

        call_command("collectstatic", interactive=False, verbosity=0)
        tolerated = list(staticfiles_storage.tolerated)
    return root, tolerated


def test_collectstatic_succeeds_when_viewflow_css_names_fonts_it_does_not_ship(collected):
    root, tolerated = collected
    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    assert manifest["css/countersign.css"].startswith("css/countersign.")
    assert manifest["css/countersign.css"] != "css/countersign.css"
    # Only viewflow's stray copy was let through, each of its missing fonts named.
    assert tolerated
    assert {source for source, _url in tolerated} == {
        "viewflow/fonts/roboto/node_modules/roboto-fontface/css/roboto/roboto-fontface.css"}
    # The copy viewflow's pages load still points at hashed fonts.
    used = (root / manifest["viewflow/fonts/roboto/roboto-fontface.css"]).read_text()
    assert "Roboto-Thin.woff2" not in used and "Roboto-Thin." in used


@pytest.mark.parametrize("path", ["/accounts/login/", "/api/docs/", "/no-such-page/"])
def test_pages_render_with_hashed_static_urls_when_collected(collected, client, path,
                                                             django_user_model):
    root, _ = collected
    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    if path == "/api/docs/":  # the API docs are for logged-in users (issue 17)
        client.force_login(django_user_model.objects.create_user("docs-reader"))
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES, DEBUG=False):
        response = client.get(path)
    assert response.status_code == (404 if path == "/no-such-page/" else 200)
    html = response.content.decode()
    if path == "/api/docs/":
        assert manifest["drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css"] in html
    else:
        assert f"/static/{manifest['css/countersign.css']}" in html


def test_collectstatic_fails_when_our_own_css_names_a_missing_file(tmp_path):
    own = tmp_path / "own"
    (own / "css").mkdir(parents=True)
    (own / "css" / "broken.css").write_text("body { background: url('../img/gone.png'); }")
    with override_settings(
        STATIC_ROOT=tmp_path / "out", STORAGES=PRODUCTION_STORAGES, STATICFILES_DIRS=[own],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ), pytest.raises(ValueError, match="gone.png"):
        call_command("collectstatic", interactive=False, verbosity=0)
