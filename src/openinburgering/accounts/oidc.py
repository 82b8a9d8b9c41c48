"""Sign-on with the gemeente's own identity provider (OpenID Connect).

Only people who already have an account here can sign on: an IdP login never creates a user,
because roles and gemeenten are granted in this system. The IdP is trusted for the second factor.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .middleware import LOGIN_TIJD, SSO


class GemeenteOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        return None

    def authenticate(self, request, **kwargs):
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None:
            from django.utils import timezone

            request.session[SSO] = True
            request.session[LOGIN_TIJD] = timezone.now().isoformat()
        return user
