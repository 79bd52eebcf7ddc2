/// The keys that choose an option directly: 1–9, 0 for the tenth, then letters that are
/// not commands on a choice screen (j, k, o, u, f and q are), so long lists have a key
/// for every option.
enum ChoiceKeys {
    static let keys: [Character] = Array("1234567890abcdeghilmnprstvwxyz")

    static func label(_ index: Int) -> String? { index < keys.count ? String(keys[index]) : nil }

    static func index(of character: Character) -> Int? { keys.firstIndex(of: character) }
}
