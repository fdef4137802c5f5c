package dev.outboundwishlist.statemachine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a definition with opaque parts parseable as JSON, and puts the parts back afterwards.
 * An opaque part inside a JSON string becomes a token inside that string; one outside any string
 * (such as {@code "TimeoutSeconds": ${Timeout}}) becomes a JSON string holding a token, whose
 * quotes are dropped again on the way back. Tokens use private-use characters that no definition
 * holds (one that does is rejected).
 */
final class PlaceholderTokens {

    private static final char IN_STRING = '\uE000';
    private static final char BARE = '\uE001';
    private static final char END = '\uE002';
    private static final Pattern TOKEN = Pattern.compile("\"" + BARE + "(\\d+)" + END + "\"|" + IN_STRING + "(\\d+)" + END);
    private static final Pattern VALUE_TOKEN = Pattern.compile("[" + IN_STRING + BARE + "](\\d+)" + END);

    private PlaceholderTokens() {
    }

    /** True when a parsed string value is nothing but one placeholder. */
    static boolean isToken(String value) {
        return VALUE_TOKEN.matcher(value).matches();
    }

    /** True when a placeholder stands outside any JSON string in this tokenized text. */
    static boolean hasBareToken(String json) {
        return json.indexOf(BARE) >= 0;
    }

    static boolean clashes(List<TextPart> parts) {
        return parts.stream().anyMatch(p -> p instanceof TextPart.Literal literal
                && literal.text().chars().anyMatch(c -> c >= IN_STRING && c <= END));
    }

    /**
     * The parts as one JSON text, each opaque part replaced by its numbered token. Equal parts get
     * equal tokens: {@code "Alert ${Env}"} as a state's name and as a transition's target must
     * still match once parsed, as they will once CloudFormation substitutes both.
     */
    static String tokenize(List<TextPart> parts) {
        StringBuilder json = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        Map<TextPart, Integer> firstIndex = new HashMap<>();
        for (int index = 0; index < parts.size(); index++) {
            TextPart part = parts.get(index);
            if (part instanceof TextPart.Literal literal) {
                for (char c : literal.text().toCharArray()) {
                    json.append(c);
                    if (escaped) {
                        escaped = false;
                    } else if (inString && c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = !inString;
                    }
                }
            } else {
                Integer first = firstIndex.putIfAbsent(part, index);
                int number = first == null ? index : first;
                json.append(inString ? "" + IN_STRING + number + END : "\"" + BARE + number + END + "\"");
            }
        }
        return json.toString();
    }

    /** Splits tokenized JSON text back into literal text and the original opaque parts. */
    static List<TextPart> restore(String json, List<TextPart> original) {
        List<TextPart> parts = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(json);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(new TextPart.Literal(json.substring(last, matcher.start())));
            }
            String number = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            parts.add(original.get(Integer.parseInt(number)));
            last = matcher.end();
        }
        if (last < json.length()) {
            parts.add(new TextPart.Literal(json.substring(last)));
        }
        return parts;
    }

    /** A string value of the parsed definition as the user wrote it, for messages. */
    static String display(String value, List<TextPart> original) {
        StringBuilder text = new StringBuilder();
        for (TextPart part : split(value, original)) {
            text.append(part instanceof TextPart.Literal literal ? literal.text() : ((TextPart.Opaque) part).display());
        }
        return text.toString();
    }

    /** A string value of the parsed definition as its literal text and the opaque parts within it. */
    static List<TextPart> split(String value, List<TextPart> original) {
        List<TextPart> parts = new ArrayList<>();
        Matcher matcher = VALUE_TOKEN.matcher(value);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(new TextPart.Literal(value.substring(last, matcher.start())));
            }
            parts.add(original.get(Integer.parseInt(matcher.group(1))));
            last = matcher.end();
        }
        if (last < value.length()) {
            parts.add(new TextPart.Literal(value.substring(last)));
        }
        return parts;
    }
}
