from django.utils import translation
from django.utils.cache import patch_vary_headers

from .web import is_portaalpad, taal_van_verzoek


class PortaalTaalMiddleware:
    """Portal pages in the newcomer's language (one of eight); everything else untouched.

    Sits inside ``NederlandsEerstMiddleware``, which limits the staff UI to Dutch and English;
    on portal paths this one overrides it for the rest of the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_portaalpad(request.path_info):
            return self.get_response(request)
        taal = taal_van_verzoek(request)
        request.LANGUAGE_CODE = taal
        with translation.override(taal):
            response = self.get_response(request)
            response.headers["Content-Language"] = taal
        patch_vary_headers(response, ("Cookie",))
        return response
