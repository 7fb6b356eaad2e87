"""Kinsoku (禁則): the closing marks that never begin a line of CJK type."""
from __future__ import annotations

import re

CLOSING = "」』）〕】》〉。，、；：！？"
CLOSING_RUN = re.compile(f"^[{CLOSING}]+")  # at the start of the text after a marker or a slip
