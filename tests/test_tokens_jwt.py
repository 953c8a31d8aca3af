"""JWT assertions: made by the project, verified by an independent library (joserfc), and
checked by FakeLineApi as LINE checks them.

https://developers.line.biz/en/docs/messaging-api/generate-json-web-token/
"""

import json
import sys

import pytest
from joserfc import jwt as jose_jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import RSAKey
from tokens_support import CHANNEL_ID, KID, SECRET, foreign_key_pair, key_pair, register

from linebot_fp.api.channel_token import (
    get_channel_token_key_ids_v2_1,
    issue_channel_access_token_v2_1,
    issue_stateless_channel_token,
)
from linebot_fp.errors import ChannelTokenError, InvalidInputError
from linebot_fp.extras import MissingExtraError
from linebot_fp.testing import FakeClock, FakeLineApi
from linebot_fp.tokens import PrivateKey, V21Token, make_assertion
from linebot_fp.tokens.calls import Reach, call

NOW = 1_767_225_600


def verify_independently(assertion, public_jwk):
    """joserfc's own verify call: signature by the public key, then LINE's claim rules."""
    token = jose_jwt.decode(assertion, RSAKey.import_key(public_jwk), algorithms=["RS256"])
    registry = jose_jwt.JWTClaimsRegistry(
        now=NOW,
        iss={"essential": True, "value": CHANNEL_ID},
        sub={"essential": True, "value": CHANNEL_ID},
        aud={"essential": True, "value": "https://api.line.me/"},
        exp={"essential": True},
    )
    registry.validate(token.claims)
    return token


@pytest.mark.parametrize("form", ["jwk", "jwk-json", "pem", "pem-bytes"])
def test_an_assertion_verifies_with_the_public_key_through_joserfc(form):
    private_jwk, public_jwk = key_pair()
    pem = RSAKey.import_key(private_jwk).as_pem(private=True)
    key = {"jwk": private_jwk, "jwk-json": json.dumps(private_jwk), "pem": pem.decode(),
           "pem-bytes": pem}[form]
    assertion = make_assertion(CHANNEL_ID, PrivateKey(key), KID, now=NOW, token_exp=86400)
    token = verify_independently(assertion, public_jwk)
    assert token.header == {"alg": "RS256", "typ": "JWT", "kid": KID}
    claims = token.claims
    assert claims["iss"] == claims["sub"] == CHANNEL_ID
    assert claims["aud"] == "https://api.line.me/"
    assert NOW < claims["exp"] <= NOW + 30 * 60  # at most 30 minutes ahead
    assert claims["token_exp"] == 86400
    assert isinstance(claims["token_exp"], int)


def test_an_assertion_signed_with_another_key_does_not_verify():
    assertion = make_assertion(CHANNEL_ID, PrivateKey(foreign_key_pair()[0]), KID, now=NOW)
    with pytest.raises(BadSignatureError):
        verify_independently(assertion, key_pair()[1])


def test_the_provider_asks_for_its_lifetime_and_lists_no_token_exp():
    provider = V21Token(CHANNEL_ID, key_pair()[0], KID, lifetime=3 * 3600, clock=lambda: NOW)
    issuing = verify_independently(provider.assertion(token_exp=provider.lifetime),
                                   key_pair()[1])
    assert issuing.claims["token_exp"] == 3 * 3600
    listing = verify_independently(provider.assertion(), key_pair()[1])
    assert "token_exp" not in listing.claims


@pytest.mark.parametrize("lifetime", [0, -1, 30 * 24 * 3600 + 1, True, "1 day", None])
def test_a_lifetime_outside_lines_limits_is_refused(lifetime):
    with pytest.raises(InvalidInputError, match="lifetime"):
        V21Token(CHANNEL_ID, key_pair()[0], KID, lifetime=lifetime)


@pytest.mark.parametrize(("key", "message"), [
    (lambda: key_pair()[1], "public JWK"),
    (lambda: {"kty": "EC", "crv": "P-256", "x": "a", "y": "b", "d": "c"}, "RSA private JWK"),
    (lambda: "not a key", "neither"),
    (lambda: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "PEM"),
    (lambda: 42, "JWK dict or a PEM"),
])
def test_a_bad_private_key_is_named_without_quoting_it(key, message):
    value = key()
    with pytest.raises(InvalidInputError, match=message) as caught:
        V21Token(CHANNEL_ID, value, KID)
    if isinstance(value, dict):
        for part in value.values():
            assert str(part) not in str(caught.value) or len(str(part)) < 4


def test_an_ec_private_key_is_refused_as_not_rsa():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    with pytest.raises(InvalidInputError, match="RSA"):
        PrivateKey(pem)


def test_private_key_repr_shows_no_key_and_gives_its_public_half():
    key = PrivateKey(key_pair()[0])
    assert repr(key) == "PrivateKey(<redacted>)"
    public = key.public_jwk()
    assert public["n"] == key_pair()[1]["n"]
    assert "d" not in public


def test_without_pyjwt_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "jwt", None)
    with pytest.raises(MissingExtraError, match=r"linebot_fp\[jwt\]"):
        V21Token(CHANNEL_ID, key_pair()[0], KID)


# -- FakeLineApi checks an assertion as LINE does ----------------------------------------------
def sign(claims, private=None, kid=KID, alg="RS256"):
    import jwt

    return jwt.encode(claims, PrivateKey(private or key_pair()[0])._key, algorithm=alg,
                      headers={"kid": kid})


def good_claims(**changes):
    return {"iss": CHANNEL_ID, "sub": CHANNEL_ID, "aud": "https://api.line.me/",
            "exp": NOW + 600, "token_exp": 3600, **changes}


@pytest.fixture
def fake():
    with FakeLineApi(clock=FakeClock(NOW)) as api:
        register(api)
        yield api


def issue(api, assertion):
    return call(Reach(api.endpoints), issue_channel_access_token_v2_1(assertion),
                action="issue", kind="v2.1", channel_id=CHANNEL_ID)


def test_the_fake_issues_for_a_good_assertion(fake):
    answer = issue(fake, sign(good_claims()))
    assert answer.expires_in == 3600
    assert answer.key_id
    assert fake.tokens.issued[0].expires_at == NOW + 3600


@pytest.mark.parametrize(("assertion", "said"), [
    (lambda: sign(good_claims(), private=foreign_key_pair()[0]), "Signature verification"),
    (lambda: sign(good_claims(), kid="kid-unknown"), "no RS256 public key"),
    (lambda: sign(good_claims(sub="999")), "iss and sub"),
    (lambda: sign(good_claims(iss="999", sub="999")), "no RS256 public key"),
    (lambda: sign(good_claims(aud="https://example.com/")), "Audience"),
    (lambda: sign(good_claims(exp=NOW - 1)), "expired"),
    (lambda: sign(good_claims(exp=NOW + 30 * 60 + 1)), "30 minutes"),
    (lambda: sign({k: v for k, v in good_claims().items() if k != "token_exp"}), "token_exp"),
    (lambda: sign(good_claims(token_exp=30 * 24 * 3600 + 1)), "token_exp"),
    (lambda: sign(good_claims(token_exp=3600.5)), "token_exp"),
    (lambda: sign({k: v for k, v in good_claims().items() if k != "aud"}), "aud"),
    (lambda: "not.a.jwt", "not a JWT"),
])
def test_the_fake_refuses_what_line_refuses(fake, assertion, said):
    with pytest.raises(ChannelTokenError, match="400") as caught:
        issue(fake, assertion())
    assert said in str(caught.value)
    assert fake.tokens.issued == []


def test_a_30_minute_assertion_and_a_30_day_token_are_the_limits(fake):
    answer = issue(fake, sign(good_claims(exp=NOW + 30 * 60, token_exp=30 * 24 * 3600)))
    assert answer.expires_in == 30 * 24 * 3600


def test_the_fake_issues_stateless_tokens_for_an_assertion_and_lists_kids(fake):
    assertion = sign({k: v for k, v in good_claims().items() if k != "token_exp"})
    answer = call(Reach(fake.endpoints), issue_stateless_channel_token(assertion),
                  action="issue", kind="stateless", channel_id=CHANNEL_ID)
    assert answer.expires_in == 900
    issued = issue(fake, sign(good_claims()))
    kids = call(Reach(fake.endpoints), get_channel_token_key_ids_v2_1(assertion),
                action="list", kind="v2.1", channel_id=CHANNEL_ID)
    assert kids.kids == (issued.key_id,)


def test_the_fake_refuses_a_wrong_grant_or_assertion_type(fake):
    with pytest.raises(ChannelTokenError, match="unsupported_grant_type"):
        call(Reach(fake.endpoints),
             issue_channel_access_token_v2_1(sign(good_claims()), grant_type="password"),
             action="issue", kind="v2.1", channel_id=CHANNEL_ID)
    with pytest.raises(ChannelTokenError, match="client_assertion_type"):
        call(Reach(fake.endpoints),
             issue_channel_access_token_v2_1(sign(good_claims()), client_assertion_type="x"),
             action="issue", kind="v2.1", channel_id=CHANNEL_ID)
    assert SECRET  # the channel also has a secret; v2.1 never uses it to issue
