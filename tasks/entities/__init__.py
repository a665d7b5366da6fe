"""Mentions → linked entities: knowledge base, gazetteer, dates, title-triggered persons, short forms."""
