/// What a result file can hold, enforced when an answer is given so that `grip run` and
/// the interface never write a result that `grip verify` refuses. Verification
/// (GripResults: `StrictJSONParser`, `ResultVerifier.maximumFileSize`) uses the same numbers.
public enum AnswerLimits {
    /// Integers in a signed result are exact in every JSON reader: ±(2^53−1).
    public static let maximumInteger = 9_007_199_254_740_991
    /// Characters (Unicode scalars, so combining marks count) in one text answer, one note
    /// or one subject field. Even fully escaped (6 bytes each) a field stays under 600 KB;
    /// a bundled questionnaire's result with every text and note filled stays under 10 MB
    /// for ordinary text. `grip run` still checks the whole result against the cap.
    public static let maximumTextLength = 100_000
    /// The largest result file `grip verify` reads (10 MB).
    public static let maximumResultSize = 10 * 1024 * 1024

    /// Whether a text is short enough to store.
    public static func fits(_ text: String) -> Bool {
        // Counting stops at the limit, so an 11 MB text costs no more than a short one.
        text.unicodeScalars.dropFirst(maximumTextLength).isEmpty
    }
}
