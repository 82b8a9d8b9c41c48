from django import template

register = template.Library()


@register.filter
def euro(centen) -> str:
    """Cents as an amount the Dutch way: € 1.234,56."""
    euros, rest = divmod(int(centen or 0), 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"
