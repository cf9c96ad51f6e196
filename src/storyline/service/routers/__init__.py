"""One router per area: the article and feed API, the read API, the pages."""
