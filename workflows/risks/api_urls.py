app_name = "risks-api"

urlpatterns = []
