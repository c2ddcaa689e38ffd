"""One catalogue of user-facing errors and warnings, each with a code and the fix."""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix every message of the catalogue with its code, as spaCy's Errors do."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    """Messages that stop a file or a command. Format them with `.format(...)`."""

    KG001 = "{path}: the file is empty. Remove it or give it article text."
    KG002 = ("{path}: looks like a binary file ({kind}), not an article. "
             "Pass .txt, .md, .html or .jsonl files.")
    KG003 = "{path}: the bytes could not be decoded as text ({why}). Re-save it as UTF-8."
    KG004 = ("{path}: {size} MB, over the {limit} MB limit for one article. "
             "Split it, or raise [read] max_megabytes in the config.")
    KG005 = ("{path}: line {line} is not a JSON object with a \"text\" string ({why}). "
             "Fix or remove that line; the other lines are still read.")
    KG006 = "{path}: cannot be read ({why}). Check that it exists and is readable."
    KG007 = ("{path}: no articles found (.txt, .text, .md, .html, .htm, .jsonl). "
             "Pass a folder or files with articles.")
    KG008 = "no input could be read: {count} file(s) skipped. Fix the files named above and rerun."
    KG009 = "query syntax error: {why}. Fix the query text at that position."
    KG010 = ("{path}: no such query file or catalogue query. Run `pressgraph query --list` "
             "for the catalogue names.")
    KG011 = "{path}: no store here. Run `pressgraph build` first, or pass --store."
    KG012 = "{path}: the config could not be read ({why}). Fix the TOML or pass another --config."
    KG013 = "{path}: could not write the output ({why}). Free disk space or pick another --out."
    KG014 = "{path}: not an RDF file rdflib can parse ({why}). Pass .trig, .nq, .ttl or .nt files."
    KG015 = "no entity named '{name}' in the graph. Check the spelling, or query the names first."
    KG016 = "{path}: the file has no article text after cleaning. Give it article text."
    KG017 = "{url}: the store could not be reached ({why}). Check the URL and that it is running."
    KG018 = ("format '{fmt}' does not fit a {form} query result. Pick one of: {allowed}.")
    KG019 = ("{path}: the store could not be built ({why}). Free disk space, check permissions, "
             "and rerun `pressgraph build`.")
    KG020 = "{url}: the endpoint answered {why}. Check the query and the endpoint's URL."
    KG021 = ("{path}: not a valid SHACL shapes graph ({why}). Fix the shape it names "
             "(see the SHACL spec: {link}).")
    KG022 = ("{path}: {what} is not supported by the build's SPARQL validator. Drop it from "
             "the shapes, or check with `pressgraph validate` (pySHACL) (SHACL spec: {link}).")
    KG023 = ("{path}: {size:,} characters, over the {limit:,} characters the language model "
             "takes in one article. Split it into articles.")
    KG024 = ("{path}: the file name is not valid UTF-8, so the graph cannot name its source. "
             "Rename the file in UTF-8 (for example with convmv).")
    KG070 = ("{path}: no gold files (*.yaml) there. Pass --gold a folder of annotations "
             "(format: eval/README.md).")
    KG071 = ("{path}: not a gold file ({why}). Fix it after the format in eval/README.md.")
    KG073 = ("{path}: not a graph pressgraph can read ({why}). Pass --graph the TriG a build "
             "wrote (graphs/NAME.trig).")
    KG072 = ("{files}: no input file of that name under {inputs}. Pass the folder that holds "
             "the annotated articles as INPUT.")
    KG025 = ("{path}: the store cannot be opened ({why}). Rebuild it (pressgraph build), or "
             "pass another --store.")
    KG030 = ("{path}, line {line}: not a merge rule ({why}). Write 'same' or 'different', "
             "PERSON or ORG, then two names, separated by tabs.")
    KG031 = ("--min-confidence {value}: needs a number from 0 to 1, and the embedded store "
             "(not {store}). Drop the option, or point --store at a store folder.")
    KG040 = ("{what}: this endpoint is read-only and refuses updates (INSERT, DELETE, LOAD, "
             "CLEAR, CREATE, DROP, COPY, MOVE, ADD). Send a SELECT, ASK, CONSTRUCT or DESCRIBE.")
    KG041 = ("{what}: the endpoint never fetches URLs or files for a query. Drop the SERVICE "
             "clause and query the store's own graphs.")
    KG042 = ("the query did not finish within {seconds:g} s ({why}). Narrow it (more specific "
             "patterns, a LIMIT), retry, or start the server with a larger --timeout.")
    KG043 = ("{what} is {size} bytes, over the {limit} byte limit. Send a shorter query "
             "or header.")
    KG044 = ("no {form} result format matches Accept: {accept}. Ask for one of: {allowed}.")
    KG045 = "bad SPARQL protocol request: {why}. {fix}"
    KG046 = ("the server failed on this request ({why}). Retry, and narrow the query if it "
             "happens again (a query worker may use {memory}).")
    KG047 = ("--host {host}: not a loopback address, so the endpoint would be reachable from "
             "other machines. Pass --allow-remote to expose it, or use --host 127.0.0.1.")
    KG048 = "{host}:{port}: cannot listen there ({why}). Pick another --port or --host."
    KG049 = ("warning: serving on {host}:{port}, reachable from other machines; anyone who "
             "can reach it can read the whole store. Bind to 127.0.0.1 unless that is wanted.")
    KG050 = ("{url}: the store could not be reached ({why}). Check the URL and that the server "
             "is running and listens there.")
    KG051 = ("{url}: the store refused the {what} ({status}). Pass --user with "
             "PRESSGRAPH_STORE_PASSWORD, or PRESSGRAPH_STORE_TOKEN, for an account that may write.")
    KG052 = ("{url}: the store answered the {what} with {status}. Check that --store and "
             "--graph-store are its SPARQL query and Graph Store endpoints (docs/scale.md).")
    KG053 = ("{url}: the store failed on the {what} ({status}). Read the server's log; "
             "rerun `pressgraph push` once it is fixed (graphs already sent are kept).")
    KG054 = ("{url}: could not list the store's graphs ({why}). Pass --store its SPARQL query "
             "endpoint and --graph-store its Graph Store endpoint (docs/scale.md).")
    KG055 = ("{path}: none of its named graphs is under {prefix}, so --prune would delete every "
             "article graph in the store. Pass the --config the graph was built with.")
    KG056 = ("{url}: a query with no GRAPH clause finds nothing there, so the "
             "catalogue queries will return no rows. Make its default graph the union of the "
             "named graphs (oxigraph serve --union-default-graph; see docs/scale.md).")
    KG060 = ("--dask needs the dask.distributed package, which is not installed. Install it "
             "(pip install distributed) or drop --dask to run on this machine (--jobs N).")
    KG061 = ("{address}: no Dask scheduler answered there ({why}). Start one (dask scheduler) "
             "and pass its address, tcp://host:8786 (the scheduler's port, not the dashboard's "
             "8787), or drop --dask.")
    KG080 = "unknown view kind '{kind}'. Pass --kind one of: {kinds}."
    KG081 = ("{path}: cannot export a network as '{suffix}'. Name the file .graphml, .gexf "
             "or .json (Cytoscape JSON).")


class PressgraphError(Exception):
    """A failure a user can fix; its message names the file and the fix.

    Args:
        message: the catalogue message, already formatted.
        link: an optional link to the spec or ontology term the error is about.
    """

    def __init__(self, message: str, link: str | None = None) -> None:
        super().__init__(message)
        self.link = link


class InputError(PressgraphError):
    """One input file cannot be used; the build skips it and goes on."""


class RequestError(PressgraphError):
    """A request the SPARQL endpoint refuses, with the HTTP status to answer it with.

    Args:
        message: the catalogue message, already formatted.
        status: the HTTP status code (400, 403, 406, 413, 415, 503, ...).
    """

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
