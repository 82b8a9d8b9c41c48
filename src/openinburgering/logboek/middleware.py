"""The processing log of a request is part of its outcome (ADR 0057)."""

from .services import verwerkingen_per_verzoek


class VerwerkingenPerVerzoekMiddleware:
    """Write the records a request's reads asked for in one INSERT, before the response leaves.

    A 200 is only sent after its records are committed; when that write fails the error
    handler of the outer middleware turns the response into a 500, so no read goes unlogged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with verwerkingen_per_verzoek():
            return self.get_response(request)
