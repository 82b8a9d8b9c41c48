def brieven_pad(stap):
    """The stored letter of a step (tests and the download view use this)."""
    from openinburgering import brieven

    return brieven.pad(stap.brief_pad)
