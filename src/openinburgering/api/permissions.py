from rest_framework.permissions import BasePermission


class HeeftGemeenteToken(BasePermission):
    def has_permission(self, request, view):
        return request.auth is not None and hasattr(request.auth, "gemeente")
