package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Writes a template in either format; the output is a pure function of the document. */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    public static String write(JsonNode root, TemplateFormat format) {
        return format == TemplateFormat.JSON ? JsonTemplateWriter.write(root) : YamlTemplateWriter.write(root);
    }

    /** The size in UTF-8 bytes of the compact JSON CloudFormation receives, counted without building it. */
    public static long jsonSize(JsonNode root) {
        return JsonTemplateWriter.compactSize(root);
    }

    /** JSON text for a value embedded in a template, such as a state machine's DefinitionString. */
    public static String json(JsonNode value, boolean indented) {
        return JsonTemplateWriter.write(value, indented);
    }
}
