"""The project's exceptions: each carries a message fit to show a user in one line."""


class TuireaderError(Exception):
    """Base for errors whose message is meant for the user."""


class ImportFailed(TuireaderError):
    """A file could not be turned into an article."""


class SearchQueryError(TuireaderError):
    """The user's search query cannot be run."""


class LibraryError(TuireaderError):
    """The library file cannot be opened or written."""


class NotFound(TuireaderError):
    """An article, tag or note the user named does not exist."""
