"""DUO's machine-to-machine exchange: Notificatie endpoint, API clients, outbox, reconciliation."""
