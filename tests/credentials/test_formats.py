"""Recognising the media from its bytes."""

from __future__ import annotations

import pytest

from tests.credentials import media
from vigil.credentials import FormatError
from vigil.credentials.formats import FORMATS, detect


@pytest.mark.parametrize("media_type", list(media.MAKERS))
def test_each_format_is_recognised(media_type: str) -> None:
    assert detect(media.MAKERS[media_type]()).media_type == media_type


def test_every_listed_format_has_a_test_file() -> None:
    assert {f.media_type for f in FORMATS} == set(media.MAKERS)


def test_fragmented_mp4_is_refused_with_what_to_do() -> None:
    with pytest.raises(FormatError, match=r"fragmented MP4.*regular"):
        detect(media.bmff(b"isom", (b"isom",), fragmented=True))


@pytest.mark.parametrize("data", [b"", b"GIF89a" + b"\0" * 20, b"%PDF-1.7\n" + b"\0" * 20, b"hello world, a text"])
def test_other_files_are_refused_naming_the_formats(data: bytes) -> None:
    with pytest.raises(FormatError) as err:
        detect(data)
    assert "\n" not in str(err.value)
