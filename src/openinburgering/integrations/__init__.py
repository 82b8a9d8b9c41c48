"""Connections with systems outside the gemeente (DUO first)."""
