"""A local stand-in for DigiD behind the gemeente's OpenID Connect broker (ADR 0085).

It speaks the same protocol as the broker (authorization code flow with PKCE, an ID token with
the BSN and the assurance level in ``acr``), so the portal goes through its real OIDC client in
the demo and the tests. It is not DigiD: its login page says so, and it lists only fictional
people from a seed file. No Django, like the DUO simulator and the BRP stand-in.
"""
