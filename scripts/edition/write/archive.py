"""Zip files the same way every time: the offline edition and the e-books.

Entries in the order given, each stamped with the source's date (source_date.zip_time) and
mode 0644, whatever the clock, the time zone or the umask, so the same commit zips the
same bytes.  Entries named in `stored` are not compressed (EPUB's `mimetype` must not be).
"""
from __future__ import annotations

import io
import zipfile

from ..source_date import zip_time


def zip_bytes(files: dict[str, bytes], stored: frozenset[str] = frozenset()) -> bytes:
    stamp = zip_time()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=None if name in stored else 9)
    return buffer.getvalue()
