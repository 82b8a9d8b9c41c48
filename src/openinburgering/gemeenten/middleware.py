from .toegang import lidmaatschappen_van

SESSION_KEY = "actieve_gemeente"


class ActieveGemeenteMiddleware:
    """Put the active gemeente and the user's role in it on the request.

    A user works for one gemeente at a time; every selector filters on it. The memberships come
    from the session while the user's access is unchanged (``gemeenten.toegang``, ADR 0061).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.gemeente = None
        request.rol = None
        request.lidmaatschappen = []
        if request.user.is_authenticated:
            lidmaatschappen = lidmaatschappen_van(request)
            request.lidmaatschappen = lidmaatschappen
            gekozen = request.session.get(SESSION_KEY)
            actief = next((lm for lm in lidmaatschappen if lm.gemeente.code == gekozen), None)
            actief = actief or (lidmaatschappen[0] if lidmaatschappen else None)
            if actief is not None:
                request.gemeente = actief.gemeente
                request.rol = actief.rol
        return self.get_response(request)
