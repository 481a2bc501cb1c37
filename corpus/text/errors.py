class InputError(ValueError):
    """Input the engine cannot use; the message tells a person what to do about it."""
