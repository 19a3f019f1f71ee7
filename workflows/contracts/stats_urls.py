"""Contract statistics pages: the page with charts and the CSV."""

app_name = "contract-stats"

urlpatterns = []
