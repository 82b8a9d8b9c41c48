"""The narrow interface between the domain apps and DUO's chain (ADR 0049, 0050).

Domain apps never import ``integrations``: they tell the chain what happened through
``keten.uitgaand`` (a domain fact, written to the outbox in the caller's transaction) and react to
what DUO tells us through ``keten.reacties`` (a reaction registered per event id). The DUO
integration implements the one and calls the other; it is the only part that knows DUO's API.
"""
