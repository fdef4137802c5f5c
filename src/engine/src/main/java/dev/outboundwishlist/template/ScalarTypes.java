package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an unquoted YAML scalar becomes a JSON value, and which strings must be quoted when
 * written so that every YAML reader (this one, CloudFormation's, and YAML 1.1 readers such as
 * PyYAML in cfn-lint and the SAM CLI) reads them back as the same string.
 *
 * <p>Reading follows the YAML 1.2 core schema with two deliberate narrowings that keep a value's
 * text as written: numbers are only those JSON can spell (plus a leading {@code +}), so
 * {@code 0123}, {@code 0x1F} and {@code 1_000} stay strings; and nothing is a timestamp, so
 * {@code 2010-09-09} stays a string.
 */
final class ScalarTypes {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");

    /** Words YAML 1.1 readers take for booleans or nulls. */
    private static final Set<String> YAML11_WORDS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF", "=");
    /** Anything a YAML 1.1 or 1.2 reader might take for a number, timestamp or special float. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[.0-9].*");

    private ScalarTypes() {
    }

    static JsonNode resolvePlain(String text) {
        if (NULLS.contains(text)) {
            return NODES.nullNode();
        }
        if (TRUES.contains(text)) {
            return NODES.booleanNode(true);
        }
        if (FALSES.contains(text)) {
            return NODES.booleanNode(false);
        }
        String unsigned = text.startsWith("+") ? text.substring(1) : text;
        if (INTEGER.matcher(text).matches()) {
            BigInteger value = new BigInteger(unsigned);
            if (value.bitLength() < 32) {
                return NODES.numberNode(value.intValue());
            }
            if (value.bitLength() < 64) {
                return NODES.numberNode(value.longValue());
            }
            return NODES.numberNode(value);
        }
        if (DECIMAL.matcher(text).matches()) {
            return NODES.numberNode(new BigDecimal(unsigned));
        }
        return NODES.textNode(text);
    }

    /** True when a string written without quotes would be read back as the same string by any reader. */
    static boolean canBePlain(String text) {
        if (text.isEmpty() || !resolvePlain(text).isTextual()) {
            return false;
        }
        return !YAML11_WORDS.contains(text) && !NUMBER_LIKE.matcher(text).matches()
                && !text.startsWith("!") && !text.startsWith("<<");
    }
}
