"""Read: files, folders, archives, feeds and URLs in; one raw input (or one clear error) out per article.

Reading never raises on bad input and never drops anything silently: every
file, record or page that cannot be used becomes an `InputError` naming the
source and the reason, so a run over a messy folder goes on and the user can
see what was left out.

The modules, in the order data passes through them:
- `files`: paths and URLs in; folders walked; each input read by what it holds.
- `decode`: bytes to text in any encoding, mojibake repaired, the kind of content told.
- `records`: JSON, JSON Lines and CSV exports, with the user's field names.
- `warc`: the HTML pages inside web archives.
- `web`, `fetch`, `feeds`: polite fetching of URLs, and RSS/Atom feeds expanded into articles.
"""

from newsgraph.read.decode import decode_bytes, repair_text, sniff_kind, visible_text
from newsgraph.read.files import read_paths
from newsgraph.read.raw import MAX_BYTES, FieldNames, RawInput, ReadOptions, Unreadable

__all__ = [
    "MAX_BYTES", "FieldNames", "RawInput", "ReadOptions", "Unreadable",
    "decode_bytes", "read_paths", "repair_text", "sniff_kind", "visible_text",
]
