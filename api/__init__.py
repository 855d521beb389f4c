"""HTTP over :mod:`kb`: parse the request, call the engine, shape the response. Nothing else."""
