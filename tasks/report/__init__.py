"""The analyst's self-contained HTML page, drawn from the published tables only."""
