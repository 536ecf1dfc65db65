"""Rule engine: rule specs, the check registry, the runner, fingerprints."""
