from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    """Cursor pagination: stable under inserts and constant cost on deep pages."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 200
