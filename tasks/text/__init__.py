"""Arabic text helpers every stage shares: normalisation for matching, clitic splitting, lookup keys."""
