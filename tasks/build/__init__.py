"""Build-time tools (model training, model card, KB and gazetteer builders, the browser driver for
screenshots); never imported by the run-time path (flows.extract, flows.serve)."""
