"""`pressgraph serve`: a read-only SPARQL 1.1 Protocol endpoint with a query page.

server (start and stop), handler (routes and answers), protocol (reading a request), guard
(what is refused), pool and worker (queries in killable processes), limits (the row limit),
negotiate (result formats), description (the service description) and page (the query page
and its static files).
"""
