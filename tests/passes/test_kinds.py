"""Block kinds: the Enum lists what the passes really leave in the model, and nothing else."""
from edition.model import Block, DocumentKind, Kind


def test_every_kind_is_produced_and_no_transient_kind_is_left(edition):
    produced = {block.kind for document in edition.documents for block in document.blocks}
    assert produced == set(Kind) - {Kind.LIST_TERM}
    assert all(isinstance(block.kind, Kind) for document in edition.documents for block in document.blocks)
    assert {document.kind for document in edition.documents} == set(DocumentKind)


def test_kinds_write_as_their_names():
    # the report and the anchors (table-2-1) spell kinds as these words
    assert f"{Kind.TABLE}-2-1" == "table-2-1" and Block(Kind.LIST_ITEM).kind == "list-item"
