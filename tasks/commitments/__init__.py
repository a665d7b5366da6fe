"""Sentences with linked mentions → commitment records with their actors, counterparts and speaker."""
