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

    /// Arithmetic mod p = 2^255 − 19 in 16 limbs of 16 bits (as TweetNaCl does): short,
    /// and fast enough for the few keys that are trusted or loaded.
    struct Field {
        // Fixed-size limbs live inline (SIMD types only as fixed arrays): with heap
        // arrays, the ~500 products of one curve check allocated and showed in
        // `grip score RESULT`.
        var limbs: SIMD16<Int64>

        init(limbs: SIMD16<Int64>) { self.limbs = limbs }

        /// From 32 little-endian bytes, the top bit ignored.
        init(_ bytes: [UInt8]) {
            limbs = SIMD16()
            for i in 0..<16 { limbs[i] = Int64(bytes[2 * i]) | Int64(bytes[2 * i + 1]) << 8 }
            limbs[15] &= 0x7FFF
        }

        static let zero = Field(limbs: SIMD16())
        static let one = Field(limbs: SIMD16(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        /// d = −121665/121666 mod p.
        static let d = Field(hex("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352"))
        /// (p − 1)/2 = 2^254 − 10, little-endian.
        static let halfPMinusOne: [UInt8] = [0xF6] + Array(repeating: 0xFF, count: 30) + [0x3F]

        // Limbs stay far below 2^62, so wrapping arithmetic never wraps.
        static func + (a: Field, b: Field) -> Field { Field(limbs: a.limbs &+ b.limbs) }
        static func - (a: Field, b: Field) -> Field { Field(limbs: a.limbs &- b.limbs) }

        static func * (a: Field, b: Field) -> Field {
            var product = SIMD32<Int64>()
            for i in 0..<16 {
                for j in 0..<16 { product[i + j] += a.limbs[i] * b.limbs[j] }
            }
            // 2^256 ≡ 38 (mod p).
            for i in 0..<15 { product[i] += 38 * product[i + 16] }
            var result = Field(limbs: product.lowHalf)
            result.carry()
            result.carry()
            return result
        }

        mutating func carry() {
            for i in 0..<16 {
                limbs[i] += 1 << 16
                let c = limbs[i] >> 16
                if i < 15 {
                    limbs[i + 1] += c - 1
                } else {
                    limbs[0] += 38 * (c - 1)
                }
                limbs[i] -= c << 16
            }
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
            var t = self
            t.carry()
            t.carry()
            t.carry()
            for _ in 0..<2 {
                // m = t − p; keep it when it did not borrow.
                var m = SIMD16<Int64>()
                m[0] = t.limbs[0] - 0xFFED
                for i in 1..<15 {
                    m[i] = t.limbs[i] - 0xFFFF - ((m[i - 1] >> 16) & 1)
                    m[i - 1] &= 0xFFFF
                }
                m[15] = t.limbs[15] - 0x7FFF - ((m[14] >> 16) & 1)
                m[14] &= 0xFFFF
                if (m[15] >> 16) & 1 == 0 { t.limbs = m }
            }
            return (0..<32).map { UInt8((t.limbs[$0 / 2] >> (8 * ($0 % 2))) & 0xFF) }
        }
    }
}
