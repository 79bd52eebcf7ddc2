#!/usr/bin/env python3
"""Verify a Grip result file without Grip: RFC 8785 + Ed25519 from independent libraries.

    pip install rfc8785 cryptography
    python3 verify-result.py RESULT.json

Exit status 0 when the signature is valid, 1 otherwise.
"""
import base64
import hashlib
import json
import sys

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def main(path):
    with open(path, "rb") as handle:
        document = json.loads(handle.read(), object_pairs_hook=reject_duplicates)
    signature = document["signature"]
    public_key = base64.b64decode(signature["publicKey"], validate=True)
    # 1. The key id must be SHA256: + unpadded base64 of SHA-256 of the raw public key.
    key_id = "SHA256:" + base64.b64encode(hashlib.sha256(public_key).digest()).decode().rstrip("=")
    if key_id != signature["keyId"] or document["result"]["signer"]["keyId"] != key_id:
        print(f"{path}: INVALID: key id mismatch")
        return 1
    # 2. Canonicalize the result member with RFC 8785.
    message = rfc8785.dumps(document["result"])
    # 3. Check the Ed25519 signature over those bytes.
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(base64.b64decode(signature["value"], validate=True), message)
    except InvalidSignature:
        print(f"{path}: INVALID: signature does not match")
        return 1
    print(f"{path}: valid, signed by {document['result']['signer']['name']} ({key_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
