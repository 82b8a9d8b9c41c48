"""The newcomer's own portal (issue 20): signed in with DigiD, they see their plan, appointments,
deadlines, contacts and letters, and send a message or a document to their klantregisseur.

An edge app, like the integrations: it reads the domain apps for one person and writes only its
own messages (ADR 0086).
"""
