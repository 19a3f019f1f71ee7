import pytest


@pytest.mark.django_db
def test_login_page_served_when_anonymous(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"countersign-demo" in response.content


@pytest.mark.django_db
def test_home_redirects_to_login_when_anonymous(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_healthz_reports_database_and_eager_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager"}
    assert response["X-Request-ID"]
