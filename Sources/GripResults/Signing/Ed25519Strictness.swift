import Foundation

/// Strict Ed25519 encodings (RFC 8032 §5.1.3 decoding plus a small-order check), applied
/// before swift-crypto sees a key or signature. Plain Ed25519 verification accepts a
/// small-order public key with a small-order R and S = 0 for every message, and accepts
/// several encodings of one point; refusing those leaves one meaning per signature.
public enum Ed25519Strictness {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not 32 (key) or 64 (signature) bytes.
        case wrongLength
        /// The y coordinate is p or more, or x = 0 is encoded with the sign bit set.
        case nonCanonicalPoint
        /// One of the 8 points of order 1, 2, 4 or 8: it signs everything or nothing.
        case smallOrderPoint
        /// No x satisfies the curve equation for this y.
        case notOnCurve
        /// S is not below the group order L.
        case nonCanonicalScalar

        public var description: String {
            switch self {
            case .wrongLength: "it has the wrong length"
            case .nonCanonicalPoint: "its point encoding is not canonical"
            case .smallOrderPoint: "it is a small-order point, which would accept forged signatures"
            case .notOnCurve: "it is not a point on the Ed25519 curve"
            case .nonCanonicalScalar: "its S value is not below the group order"
            }
        }
    }

    /// Every check on a 32-byte public key, including that it decodes to a curve point.
    /// For trusting and loading keys, where no verification follows that would decode it.
    public static func publicKeyProblem(_ raw: Data) -> Problem? {
        let bytes = [UInt8](raw)
        guard bytes.count == 32 else { return .wrongLength }
        if let problem = encodingProblem(bytes) { return problem }
        return isOnCurve(bytes) ? nil : .notOnCurve
    }

    /// The cheap checks on a public key before verification (swift-crypto's verification
    /// fails for a point that does not decode, so the curve check is left to it).
    public static func verificationKeyProblem(_ raw: Data) -> Problem? {
        let bytes = [UInt8](raw)
        guard bytes.count == 32 else { return .wrongLength }
        return encodingProblem(bytes)
    }

    /// A 64-byte signature R ‖ S: R canonical and not of small order, S < L.
    public static func signatureProblem(_ signature: Data) -> Problem? {
        let bytes = [UInt8](signature)
        guard bytes.count == 64 else { return .wrongLength }
        if let problem = encodingProblem(Array(bytes[0..<32])) { return problem }
        // Little-endian comparison from the most significant byte down.
        for index in stride(from: 31, through: 0, by: -1) {
            let s = bytes[32 + index], l = groupOrder[index]
            if s < l { return nil }
            if s > l { return .nonCanonicalScalar }
        }
        return .nonCanonicalScalar  // S == L
    }

    /// y ≥ p, and the small-order points with either sign bit (which includes the
    /// non-canonical x = 0 with the sign bit set, and y = p, p + 1).
    static func encodingProblem(_ bytes: [UInt8]) -> Problem? {
        var y = bytes
        y[31] &= 0x7F
        // y ≥ p = 2^255 − 19: bytes 1…30 all 0xFF, top byte 0x7F, low byte ≥ 0xED.
        let atLeastP = y[31] == 0x7F && y[1...30].allSatisfy { $0 == 0xFF } && y[0] >= 0xED
        // p and p + 1 are small-order y values too; report them as such.
        if smallOrderY.contains(y) { return .smallOrderPoint }
        if atLeastP { return .nonCanonicalPoint }
        return nil
    }

    /// The y coordinates (sign bit cleared) of the 8 small-order points, and the two of
    /// them that also have a non-canonical encoding y + p below 2^255 (as libsodium lists them).
    static let smallOrderY: [[UInt8]] = [
        hex("0000000000000000000000000000000000000000000000000000000000000000"),  // order 4
        hex("0100000000000000000000000000000000000000000000000000000000000000"),  // order 1
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),  // order 8
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),  // order 8
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  // p − 1, order 2
        hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  // p, non-canonical 0
        hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  // p + 1, non-canonical 1
    ]

    /// L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    static let groupOrder: [UInt8] = hex("edd3f55c1a631258d69cf7a2def9de14" + String(repeating: "00", count: 15) + "10")

    static func hex<S: StringProtocol>(_ text: S) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    // MARK: - Curve membership

    /// Whether some x satisfies −x² + y² = 1 + d·x²·y², i.e. u/v is a square mod p with
    /// u = y² − 1, v = d·y² + 1 (v is never 0). Euler's criterion on u·v: (u·v)^((p−1)/2)
    /// is 0 or 1. Expects a canonical y (checked before).
    static func isOnCurve(_ bytes: [UInt8]) -> Bool {
        let y = Field(bytes)
        let y2 = y * y
        let u = y2 - Field.one
        let v = Field.d * y2 + Field.one
        let legendre = (u * v).power(Field.halfPMinusOne).canonicalBytes
        return legendre == Field.zero.canonicalBytes || legendre == Field.one.canonicalBytes
    }

    /// Arithmetic mod p = 2^255 − 19 in five 51-bit limbs (as ref10 and donna do), each
    /// product in 128 bits. Plain stored limbs stay in registers: with 16-bit limbs in
    /// heap arrays (or SIMD vectors) one curve check took 0.2 ms in `grip score RESULT`.
    struct Field: Equatable {
        var l0, l1, l2, l3, l4: UInt64

        static let mask: UInt64 = (1 << 51) - 1

        init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
            (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
        }

        /// From 32 little-endian bytes, the top bit ignored.
        init(_ bytes: [UInt8]) {
            func word(_ index: Int) -> UInt64 {
                (0..<8).reduce(0) { $0 | UInt64(bytes[8 * index + $1]) << (8 * $1) }
            }
            let (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
            self.init(
                w0 & Self.mask, (w0 >> 51 | w1 << 13) & Self.mask, (w1 >> 38 | w2 << 26) & Self.mask,
                (w2 >> 25 | w3 << 39) & Self.mask, (w3 >> 12) & Self.mask)
        }

        static let zero = Field(0, 0, 0, 0, 0)
        static let one = Field(1, 0, 0, 0, 0)
        /// d = −121665/121666 mod p.
        static let d = Field(hex("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352"))
        /// (p − 1)/2 = 2^254 − 10, little-endian.
        static let halfPMinusOne: [UInt8] = [0xF6] + Array(repeating: 0xFF, count: 30) + [0x3F]

        // Operands have limbs below 2^52 (results of * and the constants), so sums stay
        // below 2^53 and 2p added before subtracting keeps every limb positive.
        static func + (a: Field, b: Field) -> Field {
            Field(a.l0 + b.l0, a.l1 + b.l1, a.l2 + b.l2, a.l3 + b.l3, a.l4 + b.l4)
        }

        static func - (a: Field, b: Field) -> Field {
            // 2p = (2^52 − 38) + Σ (2^52 − 2)·2^(51·i), i = 1…4.
            let two: UInt64 = 1 << 52
            return Field(
                a.l0 + (two - 38) - b.l0, a.l1 + (two - 2) - b.l1, a.l2 + (two - 2) - b.l2,
                a.l3 + (two - 2) - b.l3, a.l4 + (two - 2) - b.l4
            ).reduced()
        }

        static func * (a: Field, b: Field) -> Field {
            func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) * UInt128(y) }
            // 2^255 ≡ 19 (mod p): limbs past the fifth come back times 19.
            let (b1, b2, b3, b4) = (b.l1 * 19, b.l2 * 19, b.l3 * 19, b.l4 * 19)
            let r0 = m(a.l0, b.l0) + m(a.l1, b4) + m(a.l2, b3) + m(a.l3, b2) + m(a.l4, b1)
            var r1 = m(a.l0, b.l1) + m(a.l1, b.l0) + m(a.l2, b4) + m(a.l3, b3) + m(a.l4, b2)
            var r2 = m(a.l0, b.l2) + m(a.l1, b.l1) + m(a.l2, b.l0) + m(a.l3, b4) + m(a.l4, b3)
            var r3 = m(a.l0, b.l3) + m(a.l1, b.l2) + m(a.l2, b.l1) + m(a.l3, b.l0) + m(a.l4, b4)
            var r4 = m(a.l0, b.l4) + m(a.l1, b.l3) + m(a.l2, b.l2) + m(a.l3, b.l1) + m(a.l4, b.l0)
            let wide = UInt128(mask)
            r1 += r0 >> 51
            r2 += r1 >> 51
            r3 += r2 >> 51
            r4 += r3 >> 51
            let low = UInt128(UInt64(r0 & wide)) + (r4 >> 51) * 19
            return Field(
                UInt64(low & wide), UInt64(r1 & wide) + UInt64(low >> 51), UInt64(r2 & wide),
                UInt64(r3 & wide), UInt64(r4 & wide))
        }

        /// Carries every limb into the next, so each is below 2^51 (the first a little above).
        func reduced() -> Field {
            var (f, overflow) = carriedUp()
            f.l0 += overflow * 19  // 2^255 ≡ 19 (mod p)
            return f
        }

        /// Each limb's excess carried into the next, every limb below 2^51, and what
        /// passed bit 255 apart.
        private func carriedUp() -> (field: Field, overflow: UInt64) {
            var f = self
            f.l1 += f.l0 >> 51
            f.l0 &= Self.mask
            f.l2 += f.l1 >> 51
            f.l1 &= Self.mask
            f.l3 += f.l2 >> 51
            f.l2 &= Self.mask
            f.l4 += f.l3 >> 51
            f.l3 &= Self.mask
            let overflow = f.l4 >> 51
            f.l4 &= Self.mask
            return (f, overflow)
        }

        /// Square-and-multiply with a little-endian exponent (not constant time: only
        /// public values are checked here).
        func power(_ exponent: [UInt8]) -> Field {
            var result = Field.one
            for index in stride(from: exponent.count * 8 - 1, through: 0, by: -1) {
                result = result * result
                if exponent[index / 8] >> (index % 8) & 1 == 1 { result = result * self }
            }
            return result
        }

        /// The unique representative below p, as 32 little-endian bytes.
        var canonicalBytes: [UInt8] {
            var f = reduced().reduced()
            // Now below 2p; q = 1 exactly when the value is p or more (the carry of value + 19
            // past bit 255, worked out limb by limb).
            var q = (f.l0 + 19) >> 51
            q = (f.l1 + q) >> 51
            q = (f.l2 + q) >> 51
            q = (f.l3 + q) >> 51
            q = (f.l4 + q) >> 51
            // value + 19q − 2^255·q = value − p·q: carry up, and drop what passes bit 255.
            f.l0 += 19 * q
            f = f.carriedUp().field
            let words = [f.l0 | f.l1 << 51, f.l1 >> 13 | f.l2 << 38, f.l2 >> 26 | f.l3 << 25, f.l3 >> 39 | f.l4 << 12]
            return words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        }
    }
}
