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
    KG030 = ("{path}, line {line}: not a merge rule ({why}). Write 'same' or 'different', "
             "PERSON or ORG, then two names, separated by tabs.")
    KG031 = ("--min-confidence {value}: needs a number from 0 to 1, and the embedded store "
             "(not {store}). Drop the option, or point --store at a store folder.")


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
