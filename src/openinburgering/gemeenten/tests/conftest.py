from openinburgering.ui.tests.e2e import browser_page  # noqa: F401  (the fixture, for e2e tests here)
