package dev.outboundwishlist.template;

/** Which YAML spelling a string can take: plain, single-quoted, literal block or double-quoted. */
final class ScalarText {

    private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}";

    private ScalarText() {
    }

    static boolean isPlain(String text, boolean flow) {
        if (!ScalarTypes.canBePlain(text) || LEADING_INDICATORS.indexOf(text.charAt(0)) >= 0
                || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '
                || text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isPrintable(text, i) || c == '\t' || flow && (FLOW_INDICATORS.indexOf(c) >= 0 || c == ':')) {
                return false;
            }
        }
        return true;
    }

    static boolean fitsSingleQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isPrintable(text, i) || text.charAt(i) == '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * A literal block keeps multi-line text readable. It cannot hold carriage returns or
     * non-printable characters, and its indentation is detected from the first non-empty line,
     * so that line must not start with a space and no blank line before it may hold spaces.
     */
    static boolean fitsLiteralBlock(String text) {
        if (!text.contains("\n") || text.chars().allMatch(c -> c == '\n')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\t' && !isPrintable(text, i)) {
                return false;
            }
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                return !line.startsWith(" ") && !line.startsWith("\t");
            }
        }
        return false;
    }

    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (isPrintable(text, i)) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * YAML's printable set, less what YAML 1.1 readers take for line breaks (U+2028, U+2029) and the
     * byte order mark; a surrogate is printable only as half of a pair.
     */
    private static boolean isPrintable(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
    }
}
