"""De wet als code: de regels van de Wet inburgering 2021 (en de Wi2013 voor overgangsgevallen).

Puur Python, zonder Django. Zie ``catalogus`` voor alle regels en ``base`` voor de basistypen.
"""

from .base import Regel, Resultaat, Schending, Termijn, Uitkomst, datum_nl

__all__ = ["Regel", "Resultaat", "Schending", "Termijn", "Uitkomst", "datum_nl"]
