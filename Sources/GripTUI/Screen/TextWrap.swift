/// Word wrapping by display width. Paragraph breaks (newlines) are kept; a word longer
/// than the width is broken.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                let wordWidth = TextWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                // Break words that do not fit on a line of their own.
                while TextWidth.of(word) > width {
                    let head = TextWidth.prefix(word, fitting: width)
                    result.append(head)
                    word = word.dropFirst(head.count)
                }
                line = String(word)
                lineWidth = TextWidth.of(word)
            }
            result.append(line)
        }
        return result
    }
}
