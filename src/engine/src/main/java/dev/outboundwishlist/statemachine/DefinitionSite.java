package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.JsonFields;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.TemplateWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One state machine definition, wherever it lives, parsed into a mutable ASL tree. Extensions
 * change the tree; {@link #writeBack} then puts it back in the form it was written in. Findings
 * about a place inside the definition are reported through {@link #report}, which points into the
 * template where the definition is an object, and names the place inside it otherwise.
 */
public final class DefinitionSite {

    /** How the definition is written. */
    public enum Form { OBJECT, STRING, SUB, JOIN, FILE }

    private final String resourceId;
    private final TemplatePath property;
    private final JsonNode parent;
    private final Object slot;
    private final Form form;
    private final ObjectNode definition;
    private final JsonNode original;
    private final List<TextPart> parts;
    private final SourceMap inner;
    private final String fileName;
    private final TextLayout layout;
    private final List<Branch> branches;

    /** One Fn::If on the way to a definition: its condition, and which branch holds the definition. */
    public record Branch(JsonNode condition, boolean whenTrue) {
    }

    /** How the user's definition text was laid out, so a rewritten one reads the same way. */
    record TextLayout(boolean multiline, boolean finalNewline, String joinDelimiter) {

        static final TextLayout OBJECT = new TextLayout(true, false, "");
    }

    /**
     * @param parent the mapping or list that holds the definition's value (the resource's
     *               properties, or an Fn::If list), and {@code slot} its key or index there
     */
    DefinitionSite(String resourceId, TemplatePath property, JsonNode parent, Object slot, Form form,
                   ObjectNode definition, List<TextPart> parts, SourceMap inner, String fileName, TextLayout layout,
                   List<Branch> branches) {
        this.resourceId = resourceId;
        this.property = property;
        this.parent = parent;
        this.slot = slot;
        this.form = form;
        this.definition = definition;
        // An object is changed in place and never written back; only text and files need a copy to compare.
        this.original = form == Form.OBJECT ? null : definition.deepCopy();
        this.parts = parts;
        this.inner = inner;
        this.fileName = fileName;
        this.layout = layout;
        this.branches = List.copyOf(branches);
    }

    public String resourceId() {
        return resourceId;
    }

    /** The template property holding the definition, e.g. {@code Resources/M/Properties/DefinitionString}. */
    public TemplatePath property() {
        return property;
    }

    public Form form() {
        return form;
    }

    /** The Fn::If branches, outermost first, that hold this definition; empty when it always applies. */
    public List<Branch> branches() {
        return branches;
    }

    /** A value that applies exactly when this definition does: wrapped in the same Fn::If branches. */
    public JsonNode underSameConditions(JsonNode value) {
        JsonNode wrapped = value;
        for (int i = branches.size() - 1; i >= 0; i--) {
            Branch branch = branches.get(i);
            ObjectNode noValue = JsonNodeFactory.instance.objectNode().put("Ref", "AWS::NoValue");
            ObjectNode fnIf = JsonNodeFactory.instance.objectNode();
            fnIf.putArray("Fn::If").add(branch.condition().deepCopy())
                    .add(branch.whenTrue() ? wrapped : noValue).add(branch.whenTrue() ? noValue : wrapped);
            wrapped = fnIf;
        }
        return wrapped;
    }

    /** The ASL document; placeholders and intrinsic parts of text forms appear as opaque tokens. */
    public ObjectNode definition() {
        return definition;
    }

    /** The variables of the {@code Fn::Sub} the definition is written in (empty for its string form). */
    public JsonNode subVariables() {
        JsonNode sub = form == Form.SUB ? current().get("Fn::Sub") : null;
        return sub != null && sub.isArray() && sub.size() > 1 ? sub.get(1) : JsonNodeFactory.instance.objectNode();
    }

    /** True for a value that only CloudFormation fills in, such as {@code ${MaxAttempts}}. */
    public boolean isPlaceholder(JsonNode value) {
        return value != null && value.isTextual() && !parts.isEmpty() && PlaceholderTokens.isToken(value.textValue());
    }

    /** A string from the definition as the user wrote it (placeholders restored), for messages. */
    public String display(String value) {
        return parts.isEmpty() ? value : PlaceholderTokens.display(value, parts);
    }

    /**
     * A string of an Fn::Join definition that holds the join's intrinsic functions, as the template
     * must write it elsewhere (in a grant, say): the intrinsic itself where it is the whole value,
     * else an Fn::Join of the text and the intrinsics. Empty for any other value.
     */
    public Optional<JsonNode> joinedValue(JsonNode value) {
        List<TextPart> pieces = pieces(value);
        List<TextPart.Opaque> opaque = opaque(pieces);
        if (opaque.isEmpty() || opaque.stream().anyMatch(part -> part.intrinsic() == null)) {
            return Optional.empty(); // plain text, or with placeholders of DefinitionSubstitutions
        }
        return Optional.of(pieces.size() == 1 ? opaque.get(0).intrinsic().deepCopy() : join(pieces, "").deepCopy());
    }

    /** True for a string of an Fn::Join definition that holds one of the join's intrinsic functions. */
    public boolean joinsIntrinsic(JsonNode value) {
        return opaque(pieces(value)).stream().anyMatch(part -> part.intrinsic() != null);
    }

    private List<TextPart> pieces(JsonNode value) {
        return form == Form.JOIN && value != null && value.isTextual()
                ? PlaceholderTokens.split(value.textValue(), parts) : List.of();
    }

    private static List<TextPart.Opaque> opaque(List<TextPart> pieces) {
        return pieces.stream().filter(TextPart.Opaque.class::isInstance).map(TextPart.Opaque.class::cast).toList();
    }

    public void report(Diagnostics diagnostics, DiagnosticCode code, TemplatePath inside, String message) {
        report(diagnostics, code, code.defaultSeverity(), inside, message);
    }

    public void report(Diagnostics diagnostics, DiagnosticCode code, Severity severity, TemplatePath inside,
                       String message) {
        if (form == Form.OBJECT) {
            diagnostics.report(code, severity, property.concat(inside), message);
            return;
        }
        if (inside.isRoot()) {
            diagnostics.report(code, severity, property, message + (form == Form.FILE ? " (in " + fileName + ")" : ""));
            return;
        }
        String place = inner.nearest(inside).map(p -> form == Form.FILE
                        ? " (at " + inside + ", " + fileName + ":" + p.line() + ":" + p.column() + ")"
                        : " (at " + inside + ", line " + p.line() + ":" + p.column() + " of the definition)")
                .orElse(" (at " + inside + " in the definition)");
        diagnostics.report(code, severity, property, message + place);
    }


    private boolean changed() {
        return original != null && !definition.equals(original);
    }

    /**
     * Puts a changed definition back where it came from, in the same form: an object stays an
     * object (it was changed in place), a string stays a string, {@code Fn::Sub} stays
     * {@code Fn::Sub} with its variables, {@code Fn::Join} stays {@code Fn::Join}; a local file is
     * inlined as {@code Definition} where {@code DefinitionUri} was. An unchanged definition is
     * left exactly as it was.
     */
    public void writeBack() {
        if (!changed()) {
            return;
        }
        List<TextPart> restored = form == Form.FILE ? List.of() : PlaceholderTokens.restore(newText(), parts);
        switch (form) {
            case STRING -> replace(JsonNodeFactory.instance.textNode(text(restored)));
            case SUB -> {
                JsonNode sub = current().get("Fn::Sub");
                if (sub.isArray()) {
                    ((ArrayNode) sub).set(0, JsonNodeFactory.instance.textNode(text(restored)));
                } else {
                    ((ObjectNode) current()).put("Fn::Sub", text(restored));
                }
            }
            case JOIN -> replace(join(restored, layout.joinDelimiter()));
            case FILE -> JsonFields.replace((ObjectNode) parent, (String) slot, "Definition", inlined());
            default -> throw new IllegalStateException("unexpected form " + form);
        }
    }

    /**
     * A file's definition is inlined as {@code Definition} once an extension changes it, which it
     * cannot be where a placeholder stands outside a JSON string ({@code "TimeoutSeconds": ${T}}):
     * an object cannot hold that. Reports it for the extension named; true when inlining works.
     */
    public boolean checkCanInline(Diagnostics diagnostics, String extension) {
        if (form != Form.FILE) {
            return true;
        }
        boolean canInline = true;
        if (PlaceholderTokens.hasBareToken(TemplateWriter.json(definition, false))) {
            report(diagnostics, DiagnosticCode.DEFINITION_INVALID, TemplatePath.ROOT, "uses " + extension
                    + ", so the expanded definition is inlined as Definition, which cannot hold a placeholder outside "
                    + "a JSON string; inline the definition yourself, or quote the placeholder");
            canInline = false;
        }
        Map<TemplatePath, JsonNode> intrinsics = new LinkedHashMap<>();
        findIntrinsics(definition, TemplatePath.ROOT, intrinsics);
        for (Map.Entry<TemplatePath, JsonNode> intrinsic : intrinsics.entrySet()) {
            // Step Functions reads a DefinitionUri file as it is; inlined, CloudFormation would resolve these.
            report(diagnostics, DiagnosticCode.DEFINITION_INVALID, intrinsic.getKey(), "is the intrinsic function "
                    + Intrinsics.brief(intrinsic.getValue()) + "; in a DefinitionUri file it stays as written, but "
                    + "the definition uses " + extension + ", so it is inlined as Definition, where CloudFormation "
                    + "would resolve it; write a ${Name} placeholder and DefinitionSubstitutions instead");
            canInline = false;
        }
        return canInline;
    }

    private static void findIntrinsics(JsonNode node, TemplatePath at, Map<TemplatePath, JsonNode> found) {
        if (Intrinsics.isIntrinsic(node)) {
            found.put(at, node);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> findIntrinsics(field.getValue(), at.key(field.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findIntrinsics(node.get(i), at.index(i), found);
            }
        }
    }

    private JsonNode inlined() {
        if (parts.isEmpty()) {
            return definition;
        }
        try {
            return new ObjectMapper().readTree(text(PlaceholderTokens.restore(TemplateWriter.json(definition, false), parts)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition that can be inlined reads back as JSON", e);
        }
    }

    private JsonNode current() {
        return slot instanceof Integer index ? parent.get(index) : parent.get((String) slot);
    }

    private void replace(JsonNode value) {
        if (slot instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) slot, value);
        }
    }

    private String newText() {
        String json = TemplateWriter.json(definition, layout.multiline());
        return layout.multiline() && !layout.finalNewline() ? json.stripTrailing() : json;
    }


    /** Fn::Join of text alone keeps its delimiter (SAM joins lines with "\n"); with intrinsics it joins with "". */
    private static ObjectNode join(List<TextPart> restored, String delimiter) {
        ObjectNode join = JsonNodeFactory.instance.objectNode();
        ArrayNode arguments = join.putArray("Fn::Join");
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (TextPart part : restored) {
            if (part instanceof TextPart.Literal literal) {
                appendText(values, literal.text());
            } else if (((TextPart.Opaque) part).intrinsic() == null) {
                appendText(values, ((TextPart.Opaque) part).placeholder());
            } else {
                values.add(((TextPart.Opaque) part).intrinsic());
            }
        }
        if (!delimiter.isEmpty() && values.size() == 1) {
            arguments.add(delimiter);
            ArrayNode pieces = arguments.addArray();
            for (String piece : values.get(0).textValue().split(java.util.regex.Pattern.quote(delimiter), -1)) {
                pieces.add(piece);
            }
            return join;
        }
        arguments.add("");
        arguments.add(values);
        return join;
    }

    private static void appendText(ArrayNode values, String text) {
        int last = values.size() - 1;
        if (last >= 0 && values.get(last).isTextual()) {
            values.set(last, JsonNodeFactory.instance.textNode(values.get(last).textValue() + text));
        } else {
            values.add(text);
        }
    }

    private static String text(List<TextPart> restored) {
        StringBuilder text = new StringBuilder();
        for (TextPart part : restored) {
            text.append(part instanceof TextPart.Literal literal ? literal.text() : ((TextPart.Opaque) part).placeholder());
        }
        return text.toString();
    }

}
