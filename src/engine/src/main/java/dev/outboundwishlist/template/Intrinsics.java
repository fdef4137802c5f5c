package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * The bijection between CloudFormation's short-form YAML tags and their long form:
 * {@code !Ref} is {@code Ref}, {@code !Condition} is {@code Condition}, and every other
 * {@code !X} is {@code Fn::X} (so tags CloudFormation adds later work without a change here).
 */
public final class Intrinsics {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private Intrinsics() {
    }

    /** The long-form key for a local tag such as {@code !Sub}, or null if it is no intrinsic tag. */
    public static String keyForTag(String tag) {
        if (!tag.startsWith("!") || tag.startsWith("!!")) {
            return null;
        }
        String name = tag.substring(1);
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    }

    /** The short-form tag for a long-form key such as {@code Fn::Sub}, or null if it has none. */
    public static String tagForKey(String key) {
        if (key.equals("Ref") || key.equals("Condition")) {
            return "!" + key;
        }
        if (key.startsWith("Fn::")) {
            String name = key.substring(4);
            if (NAME.matcher(name).matches() && !name.equals("Ref") && !name.equals("Condition")) {
                return "!" + name;
            }
        }
        return null;
    }

    /** {@code {"Ref": id}}, for generated resources. */
    public static ObjectNode ref(String id) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("Ref", id);
        return ref;
    }

    /** {@code {"Fn::GetAtt": [id, attribute]}}. */
    public static ObjectNode getAtt(String id, String attribute) {
        ObjectNode getAtt = JsonNodeFactory.instance.objectNode();
        getAtt.putArray("Fn::GetAtt").add(id).add(attribute);
        return getAtt;
    }

    /** {@code {"Fn::Sub": text}}. */
    public static ObjectNode sub(String text) {
        ObjectNode sub = JsonNodeFactory.instance.objectNode();
        sub.put("Fn::Sub", text);
        return sub;
    }

    /** A value that is one intrinsic function, {@code {"Ref": ...}} or {@code {"Fn::X": ...}}. */
    public static boolean isIntrinsic(JsonNode node) {
        return node.isObject() && node.size() == 1
                && (node.has("Ref") || node.fieldNames().next().startsWith("Fn::"));
    }

    /**
     * A value in one short line for people: text as is, {@code !Ref Name}, {@code !X arg} for an
     * intrinsic with a text argument ({@code !X …} otherwise), a list as its items joined by commas.
     */
    public static String brief(JsonNode node) {
        if (node.isArray()) {
            java.util.List<String> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(brief(item)));
            return String.join(", ", items);
        }
        if (isIntrinsic(node)) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            String tag = tagForKey(key) == null ? key : tagForKey(key);
            boolean attribute = key.equals("Fn::GetAtt") && argument.size() == 2
                    && argument.get(0).isTextual() && argument.get(1).isTextual();
            return tag + " " + (argument.isTextual() ? Excerpt.of(argument.textValue())
                    : attribute ? Excerpt.of(argument.get(0).textValue() + "." + argument.get(1).textValue()) : "…");
        }
        return node.isValueNode() ? Excerpt.of(node.asText()) : "…";
    }
}
