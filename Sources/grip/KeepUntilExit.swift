/// Leaves `value` to be freed by the end of the process instead of on return.
///
/// Why: `validate` and `score` exit right after their last line, and freeing what they
/// loaded (a questionnaire is tens of thousands of small allocations) was about 3% of
/// `grip validate`, work nobody waits for the result of. Only for one-shot commands: the
/// value is never freed while the process runs.
func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(KeptValue(value))
}

private final class KeptValue<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
