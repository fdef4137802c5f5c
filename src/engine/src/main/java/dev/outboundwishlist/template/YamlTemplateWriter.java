package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a template as YAML the way people write it: block style with two-space indents,
 * intrinsics as short-form tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Select [0, !GetAZs '']}),
 * multi-line strings as literal blocks, and quotes exactly where a plain value would be read back
 * as something else. (A general YAML emitter would quote every tagged scalar: {@code !Ref 'X'}.)
 */
final class YamlTemplateWriter {

    private static final int FLOW_WIDTH = 80;
    private static final int MAX_SIMPLE_KEY = 1000;

    private final StringBuilder out = new StringBuilder();

    private YamlTemplateWriter() {
    }

    static String write(JsonNode root) {
        YamlTemplateWriter writer = new YamlTemplateWriter();
        if (root.isObject() && !root.isEmpty() && ShortForm.of(root) == null) {
            writer.blockMapping(root, 0, false);
        } else {
            writer.inline(root, 0, false);
            writer.out.append('\n');
        }
        return writer.out.toString();
    }

    /** {@code {"Fn::X": argument}} as it will be written: {@code !X argument}; null where it must stay long-form. */
    private record ShortForm(String tag, JsonNode argument) {

        static ShortForm of(JsonNode node) {
            if (!node.isObject() || node.size() != 1) {
                return null;
            }
            Map.Entry<String, JsonNode> only = node.fields().next();
            String key = only.getKey();
            JsonNode argument = only.getValue();
            String tag = Intrinsics.tagForKey(key);
            if (tag == null) {
                return null;
            }
            if (key.equals("Fn::GetAtt")) {
                // A scalar !GetAtt is split at its first dot when read, so only a two-name list is written short.
                if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()
                        && argument.get(1).isTextual() && !argument.get(0).textValue().contains(".")
                        && isName(argument.get(0).textValue()) && isName(argument.get(1).textValue())) {
                    return new ShortForm(tag, argument.get(0).textValue() + "." + argument.get(1).textValue());
                }
                return argument.isArray() ? new ShortForm(tag, argument) : null;
            }
            if (argument.isTextual()) {
                return new ShortForm(tag, argument);
            }
            // A tagged number or boolean would be read back as a string; Ref and Condition take names only;
            // a node has one tag, so an intrinsic whose argument is a short-form intrinsic stays long-form.
            boolean container = argument.isArray() || argument.isObject() && of(argument) == null;
            return container && !key.equals("Ref") && !key.equals("Condition") ? new ShortForm(tag, argument) : null;
        }

        ShortForm(String tag, String dotted) {
            this(tag, ScalarTypes.NODES.textNode(dotted));
        }

        private static boolean isName(String text) {
            return !text.isEmpty() && text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                    || c == '_' || c == '-' || c == '.'));
        }
    }

    private void blockMapping(JsonNode map, int indent, boolean cursorPlaced) {
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!(first && cursorPlaced)) {
                indent(indent);
            }
            first = false;
            String key = field.getKey();
            if (key.length() > MAX_SIMPLE_KEY) {
                out.append("? ").append(quoted(key)).append('\n');
                indent(indent);
                out.append(':');
            } else {
                out.append(ScalarText.isPlain(key, false) ? key : quoted(key)).append(':');
            }
            afterIndicator(field.getValue(), indent + 2, false);
        }
    }

    private void blockSequence(JsonNode list, int indent, boolean cursorPlaced) {
        boolean first = true;
        for (JsonNode item : list) {
            if (!(first && cursorPlaced)) {
                indent(indent);
            }
            first = false;
            out.append('-');
            afterIndicator(item, indent + 2, true);
        }
    }

    /** Writes a value after {@code key:} or {@code -}; {@code indent} is where its block content goes. */
    private void afterIndicator(JsonNode value, int indent, boolean sequenceItem) {
        ShortForm shortForm = ShortForm.of(value);
        JsonNode content = shortForm == null ? value : shortForm.argument();
        boolean block = isBlockCollection(content);
        if (shortForm != null) {
            out.append(' ').append(shortForm.tag());
        }
        if (block && sequenceItem && shortForm == null) {
            // "- key: value" and "- - item": the collection starts on the dash's line.
            out.append(' ');
            if (content.isObject()) {
                blockMapping(content, indent, true);
            } else {
                blockSequence(content, indent, true);
            }
        } else if (block) {
            out.append('\n');
            if (content.isObject()) {
                blockMapping(content, indent, false);
            } else {
                blockSequence(content, indent, false);
            }
        } else {
            out.append(' ');
            inline(content, indent, false);
            out.append('\n');
        }
    }

    private boolean isBlockCollection(JsonNode node) {
        if (node.isObject()) {
            return !node.isEmpty();
        }
        return node.isArray() && !isFlowList(node, 0);
    }

    /** Short lists of scalars read best on one line, as people write intrinsic arguments. */
    private static boolean isFlowList(JsonNode list, int depth) {
        if (list.isEmpty()) {
            return true;
        }
        if (depth > 2) {
            return false;
        }
        int width = 0;
        for (JsonNode item : list) {
            ShortForm shortForm = ShortForm.of(item);
            JsonNode content = shortForm == null ? item : shortForm.argument();
            if (content.isArray()) {
                if (!isFlowList(content, depth + 1)) {
                    return false;
                }
                width += content.toString().length();
            } else if (content.isObject() || shortForm == null && item.isObject()) {
                return false;
            } else {
                if (content.isTextual() && content.textValue().contains("\n")) {
                    return false;
                }
                width += content.asText().length() + 4;
            }
        }
        return width <= FLOW_WIDTH;
    }

    /** A value on the current line: a scalar, a flow list, an empty collection, or a literal block. */
    private void inline(JsonNode value, int indent, boolean flow) {
        ShortForm shortForm = ShortForm.of(value);
        if (shortForm != null) {
            out.append(shortForm.tag()).append(' ');
            inline(shortForm.argument(), indent, flow);
            return;
        }
        if (value.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode item : value) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                inline(item, indent, true);
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append("{}");
        } else if (value.isTextual()) {
            string(value.textValue(), indent, flow);
        } else if (value.isNumber()) {
            out.append(numberText(value));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else {
            out.append("null");
        }
    }

    private void string(String text, int indent, boolean flow) {
        if (ScalarText.isPlain(text, flow)) {
            out.append(text);
        } else if (!flow && ScalarText.fitsLiteralBlock(text)) {
            literalBlock(text, indent);
        } else {
            out.append(quoted(text));
        }
    }

    private void literalBlock(String text, int indent) {
        String chomping = !text.endsWith("\n") ? "-" : text.endsWith("\n\n") ? "+" : "";
        out.append('|').append(chomping);
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                indent(indent);
                out.append(line);
            }
        }
    }

    private static String quoted(String text) {
        return ScalarText.fitsSingleQuotes(text) ? "'" + text.replace("'", "''") + "'" : ScalarText.doubleQuoted(text);
    }

    private void indent(int count) {
        out.append(" ".repeat(count));
    }

    /** Numbers keep their written digits; an exponent without a point gets one so YAML 1.1 reads a float too. */
    private static String numberText(JsonNode node) {
        if (!node.isBigDecimal() && !node.isFloatingPointNumber()) {
            return node.asText();
        }
        BigDecimal value = node.decimalValue();
        String text = value.toString();
        int exponent = text.indexOf('E');
        if (exponent > 0 && text.lastIndexOf('.', exponent) < 0) {
            text = text.substring(0, exponent) + ".0" + text.substring(exponent);
        }
        return text;
    }
}
