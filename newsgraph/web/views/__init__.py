"""Routes split by page: ``api`` (REST, /api/v1), ``pages`` (one article or actor),
``cross_pages`` (stories and the graph)."""
