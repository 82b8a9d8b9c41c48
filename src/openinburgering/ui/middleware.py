from django.conf import settings
from django.utils import translation


class NederlandsEerstMiddleware:
    """Dutch unless the user chose another language (cookie); the browser's language is ignored.

    Django's LocaleMiddleware follows Accept-Language, which would show half-translated pages to
    caseworkers with an English browser. A gemeente's application is Dutch first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        taal = gekozen if gekozen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = taal
        # override() restores the previous language afterwards, so nothing leaks to the thread.
        with translation.override(taal):
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", taal)
        return response
