"""stanza over documents: sentences, tokens and words (after clitic split), statistical NER mentions."""
