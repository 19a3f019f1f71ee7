"""Contract statistics over the API."""

app_name = "contract-stats-api"

urlpatterns = []
