/// Three-valued (Kleene) truth: an answer "weet ik niet" makes a condition unknown,
/// never silently false.
public enum Truth: Sendable, Equatable {
    case `true`
    case `false`
    case unknown

    public init(_ value: Bool) { self = value ? .true : .false }

    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }

    public static func && (left: Truth, right: @autoclosure () -> Truth) -> Truth {
        if left == .false { return .false }
        let right = right()
        if right == .false { return .false }
        return left == .true && right == .true ? .true : .unknown
    }

    public static func || (left: Truth, right: @autoclosure () -> Truth) -> Truth {
        if left == .true { return .true }
        let right = right()
        if right == .true { return .true }
        return left == .false && right == .false ? .false : .unknown
    }
}
