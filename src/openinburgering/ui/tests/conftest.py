from .e2e import browser_page  # noqa: F401  (the fixture, for the e2e tests in this folder)
