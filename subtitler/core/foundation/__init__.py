"""What every stage uses and that depends on no stage: the one error hierarchy (every message a
``Reason`` a user can read), progress events and the cancel token, where files are written (output
names, atomic writes) and where caches live, and the API key with the scrubbing of secrets. Imports
nothing else from the core.
"""
