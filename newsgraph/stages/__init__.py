"""One module per stage, named for what it produces. See ``newsgraph.pipeline.STAGES``."""
