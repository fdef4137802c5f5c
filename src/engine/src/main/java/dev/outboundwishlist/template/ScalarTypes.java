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

    /**
     * Plain scalars that some YAML reader resolves to something other than a string: the
     * implicit types of YAML 1.1 (PyYAML, used by cfn-lint and the SAM CLI) and of the YAML 1.2
     * core schema. A string matching any of these is quoted when written.
     */
    private static final Pattern NOT_A_STRING_SOMEWHERE = Pattern.compile(String.join("|",
            // YAML 1.1 bool, null, merge and value
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N",
            "~|null|Null|NULL|<<|=",
            // YAML 1.1 float and int (with underscores, sexagesimal, binary, octal, hex)
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
            "[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
            // YAML 1.2 core float with exponent
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
            // YAML 1.1 timestamp
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                    + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?.*"));

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
            // Throws NumberFormatException for an exponent beyond an int: no number holds it.
            return NODES.numberNode(new BigDecimal(unsigned));
        }
        return NODES.textNode(text);
    }

    /** Why a number whose exponent no number can hold (such as 1e99999999999) is refused. */
    static String outOfRange(String text) {
        return "is the number " + Excerpt.of(text) + ", whose exponent is beyond any number's range; "
                + "write a number CloudFormation can hold, or quote it if it is text";
    }

    /** True when a string written without quotes would be read back as the same string by any reader. */
    static boolean canBePlain(String text) {
        return !text.isEmpty() && resolvePlain(text).isTextual() && !NOT_A_STRING_SOMEWHERE.matcher(text).matches();
    }
}
