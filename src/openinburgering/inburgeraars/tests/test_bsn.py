import random

from django.core.exceptions import ValidationError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openinburgering.core import bsn as bsn_tools
from openinburgering.demo.personen import genereer_bsn


@pytest.mark.parametrize(
    ("waarde", "geldig"),
    [
        ("111222333", True),  # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66, divisible by 11
        ("123456782", True),
        ("123456789", False),  # fails the 11-proef
        ("12345678", False),  # too short
        ("1234567890", False),  # too long
        ("000000000", False),  # stdnum rejects all zeros
        ("12345678a", False),
        ("", False),
    ],
)
def test_elfproef(waarde, geldig):
    assert bsn_tools.is_geldig(waarde) is geldig


def test_valideer_bsn_says_why_in_dutch():
    with pytest.raises(ValidationError) as lengte:
        bsn_tools.valideer_bsn("1234")
    assert lengte.value.code == "bsn_lengte"
    with pytest.raises(ValidationError) as proef:
        bsn_tools.valideer_bsn("123456789")
    assert proef.value.code == "bsn_elfproef"
    assert "11-proef" in proef.value.messages[0]


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_demo_bsns_pass_the_elfproef(seed):
    assert bsn_tools.is_geldig(genereer_bsn(random.Random(seed)))


@given(st.integers(min_value=0, max_value=2**32))
def test_encryption_round_trips_and_never_stores_the_plain_number(seed):
    nummer = genereer_bsn(random.Random(seed))
    token = bsn_tools.versleutel(nummer)
    assert nummer not in token
    assert bsn_tools.ontsleutel(token) == nummer


def test_keyed_hashes_are_stable_and_separate_per_purpose():
    assert bsn_tools.zoekhash("111222333") == bsn_tools.zoekhash("111 222 333")
    assert bsn_tools.zoekhash("111222333") != bsn_tools.zoekhash("123456782")
    # The lookup hash and the log pseudonym cannot be joined.
    assert bsn_tools.pseudoniem("111222333") not in bsn_tools.zoekhash("111222333")


def test_keys_can_be_set_apart_from_secret_key(settings):
    standaard = bsn_tools.zoekhash("111222333")
    settings.BSN_HASH_KEY = "een-andere-sleutel"
    assert bsn_tools.zoekhash("111222333") != standaard


def test_gemaskeerd_shows_only_the_last_four():
    assert bsn_tools.gemaskeerd("111222333") == "•••••2333"
    assert bsn_tools.gemaskeerd("12") == ""
