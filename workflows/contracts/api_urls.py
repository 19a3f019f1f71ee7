app_name = "contracts-api"

urlpatterns = []
