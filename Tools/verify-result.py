#!/usr/bin/env python3
"""Verify Grip result and review files without Grip: RFC 8785 + Ed25519 from independent libraries.

    pip install rfc8785 cryptography
    python3 verify-result.py FILE.json [FILE.json ...]
    python3 verify-result.py --batch DIR      # every *.json in DIR, by name
    python3 verify-result.py --review REVIEW.json RESULT.json
                                              # both valid, and the review covers this very result

One line per file: "PATH: valid, signed by ...", "PATH: INVALID: ...", "PATH: MALFORMED: ..."
or "PATH: UNSIGNED: ...". Exit status 0 when every file is validly signed, 1 otherwise.

A result (format grip-result/1) is signed over its `result` member, a review
(grip-review/1) over its `review` member; the signer is `result.signer` or
`review.reviewer`. A review covers one signed result: `review.reviewed.resultSha256` is
the hex SHA-256 of the RFC 8785 bytes of that result's `result` member, and
`review.reviewed.signature` its signature value.

As strict as Grip, so that a file has one meaning: UTF-8 only, no duplicate keys, no
floating-point numbers, integers within +-(2^53-1), no lone surrogates, nesting at most 64,
canonical base64, and no small-order or non-canonical Ed25519 keys or signatures.
"""
import base64
import hashlib
import json
import os
import sys

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

MAXIMUM_SIZE = 10 * 1024 * 1024
MAXIMUM_INTEGER = 2**53 - 1
MAXIMUM_DEPTH = 64

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
# y (sign bit cleared) of the 8 small-order points, and y = p, p + 1 (non-canonical 0 and 1).
SMALL_ORDER_Y = {
    0, 1, P - 1, P, P + 1,
    int.from_bytes(bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), "little"),
    int.from_bytes(bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), "little"),
}


class Malformed(Exception):
    pass


class Invalid(Exception):
    pass


def reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Malformed("duplicate key")
    return dict(pairs)


def reject_float(text):
    raise Malformed(f"floating-point number {text[:20]}")


def checked_integer(text):
    value = int(text)
    if abs(value) > MAXIMUM_INTEGER:
        raise Malformed("integer out of the range +-(2^53-1)")
    return value


def check_strings_and_depth(value):
    """No lone surrogates in any string or key (Python's json lets \\ud800 through)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)) and depth > MAXIMUM_DEPTH:
            raise Malformed("nested too deeply")
        if isinstance(item, dict):
            for key, member in item.items():
                stack.append((key, depth))
                stack.append((member, depth + 1))
        elif isinstance(item, list):
            stack.extend((member, depth + 1) for member in item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")  # fails exactly on surrogates
            except UnicodeEncodeError:
                raise Malformed("lone surrogate in a string")


def parse(data):
    if len(data) > MAXIMUM_SIZE:
        raise Malformed("larger than 10 MB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("not valid UTF-8")
    try:
        document = json.loads(
            text, object_pairs_hook=reject_duplicates, parse_float=reject_float,
            parse_constant=reject_float, parse_int=checked_integer)
    except (ValueError, RecursionError) as error:
        raise Malformed(f"not valid JSON: {error}")
    check_strings_and_depth(document)
    return document


def canonical_base64(value, length, name):
    if not isinstance(value, str):
        raise Malformed(f"signature {name} is not base64")
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        raise Malformed(f"signature {name} is not base64")
    if base64.b64encode(raw).decode() != value:
        raise Malformed(f"signature {name} is not canonical base64")
    if len(raw) != length:
        raise Malformed(f"signature {name} is not {length} bytes")
    return raw


def point_problem(encoding, on_curve):
    """RFC 8032 strict decoding and the small-order check, for a key or R."""
    y = int.from_bytes(encoding, "little") & (2**255 - 1)
    if y in SMALL_ORDER_Y:
        return "a small-order point"
    if y >= P:
        return "a non-canonical point encoding"
    if on_curve:
        # x^2 = (y^2 - 1) / (d y^2 + 1) must have a root: Euler's criterion.
        u, v = (y * y - 1) % P, (D * y * y + 1) % P
        if pow(u * v % P, (P - 1) // 2, P) not in (0, 1):
            return "not a point on the curve"
    return None


def verdict(data):
    """('valid', message) or raises Malformed / Invalid; ('unsigned', ...) without a signature."""
    document = parse(data)
    if not isinstance(document, dict):
        raise Malformed("the top level is not a JSON object")
    kinds = {"grip-result/1": ("result", "signer"), "grip-review/1": ("review", "reviewer")}
    if document.get("format") not in kinds:
        raise Malformed("no or unsupported format")
    member, signer_member = kinds[document["format"]]
    unexpected = set(document) - {"format", member, "signature"}
    if unexpected:
        raise Malformed(f"unexpected top-level member {sorted(unexpected)[0]!r}")
    result = document.get(member)
    if not isinstance(result, dict):
        raise Malformed(f"no {member} object")
    if "signature" not in document:
        return "unsigned", "the result has no signature"
    signature = document["signature"]
    if not isinstance(signature, dict):
        raise Malformed("signature is not an object")
    unexpected = set(signature) - {"algorithm", "keyId", "publicKey", "value"}
    if unexpected:
        raise Malformed(f"unexpected signature member {sorted(unexpected)[0]!r}")
    if signature.get("algorithm") != "Ed25519":
        raise Malformed("signature algorithm is not Ed25519")
    if not isinstance(signature.get("keyId"), str):
        raise Malformed("signature has no keyId")
    public_key = canonical_base64(signature.get("publicKey"), 32, "publicKey")
    value = canonical_base64(signature.get("value"), 64, "value")
    # 1. The key id must be SHA256: + unpadded base64 of SHA-256 of the raw public key,
    #    in the signature and (signed) in result.signer or review.reviewer; compared as code points.
    key_id = "SHA256:" + base64.b64encode(hashlib.sha256(public_key).digest()).decode().rstrip("=")
    if key_id != signature["keyId"]:
        raise Invalid("keyId does not belong to the public key")
    signer = result.get(signer_member)
    if not isinstance(signer, dict) or signer.get("keyId") != key_id:
        raise Invalid(f"the {signer_member} inside the {member} names another key")
    # 2. Strict Ed25519: no small-order or non-canonical key or R, S below the group order.
    problem = point_problem(public_key, on_curve=True)
    if problem:
        raise Invalid(f"the public key is {problem}")
    problem = point_problem(value[:32], on_curve=False)
    if problem:
        raise Invalid(f"the signature's R is {problem}")
    if int.from_bytes(value[32:], "little") >= L:
        raise Invalid("the signature's S is not below the group order")
    # 3. Canonicalize the result member with RFC 8785 and check the signature over it.
    message = rfc8785.dumps(result)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(value, message)
    except InvalidSignature:
        raise Invalid("signature does not match")
    noun = "review, signed" if member == "review" else "signed"
    return "valid", f"valid, {noun} by {signer.get('name')} ({key_id})"


def line(path):
    """The verdict line for one file, and whether it is valid. Never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAXIMUM_SIZE + 1)
    except OSError as error:
        return f"{path}: MALFORMED: cannot read the file ({error.strerror})", False
    try:
        status, message = verdict(data)
    except Malformed as error:
        return f"{path}: MALFORMED: {error}", False
    except Invalid as error:
        return f"{path}: INVALID: {error}", False
    if status == "unsigned":
        return f"{path}: UNSIGNED: {message}", False
    return f"{path}: {message}", True


def covers(review_path, result_path):
    """Whether the review names exactly this signed result: its id, hash and signature value."""
    with open(review_path, "rb") as handle:
        review = parse(handle.read(MAXIMUM_SIZE + 1))
    with open(result_path, "rb") as handle:
        result = parse(handle.read(MAXIMUM_SIZE + 1))
    reviewed = review.get("review", {}).get("reviewed", {})
    digest = hashlib.sha256(rfc8785.dumps(result["result"])).hexdigest()
    return (reviewed.get("resultId") == result["result"].get("id")
            and reviewed.get("resultSha256") == digest
            and reviewed.get("signature") == result["signature"]["value"])


def main(arguments):
    if arguments[:1] == ["--review"] and len(arguments) == 3:
        all_valid = True
        for path in arguments[1:]:
            text, valid = line(path)
            print(text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text)
            all_valid = all_valid and valid
        if not all_valid:
            return 1
        try:
            covered = covers(arguments[1], arguments[2])
        except (Malformed, OSError, KeyError, AttributeError, TypeError) as error:
            print(f"{arguments[1]}: does not cover {arguments[2]}: {error}")
            return 1
        print(f"{arguments[1]}: {'covers' if covered else 'does NOT cover'} {arguments[2]}")
        return 0 if covered else 1
    if arguments[:1] == ["--batch"] and len(arguments) == 2:
        directory = arguments[1]
        paths = [os.path.join(directory, name) for name in sorted(os.listdir(directory)) if name.endswith(".json")]
    elif arguments and not arguments[0].startswith("--"):
        paths = arguments
    else:
        print("usage: verify-result.py FILE.json [...] | --batch DIR | --review REVIEW.json RESULT.json", file=sys.stderr)
        return 2
    all_valid = True
    for path in paths:
        text, valid = line(path)
        # Names and reasons may quote the file: keep control characters off the terminal.
        print(text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text)
        all_valid = all_valid and valid
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
