package dev.outboundwishlist.loops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.statemachine.Scope;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resources inside an {@code Fn::ForEach} loop (AWS::LanguageExtensions) exist only once that
 * transform has run. Where this macro runs first, extensions inside a loop would pass through
 * unexpanded: that is an error with the fix (list AWS::LanguageExtensions first). Where the
 * template already lists it first, CloudFormation expands the loop before the macro runs, and only
 * the offline CLI sees the loop: a warning says it cannot check those resources here.
 */
public final class ForEachLoops implements Extension {

    public static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";
    /** How a loop's key begins, in Resources, Conditions and Outputs. */
    public static final String LOOP = "Fn::ForEach::";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void validate(ExpansionContext context) {
        boolean loopsExpandedFirst = listsLanguageExtensionsFirst(context.transforms());
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith(LOOP) || entry.getValue().size() != 3) {
                continue;
            }
            TemplatePath loop = TemplatePath.of("Resources", entry.getKey());
            Optional<TemplatePath> extension = firstExtensionKey(entry.getValue().get(2), loop.index(2));
            String what = "is inside Fn::ForEach";
            // The global fence covers every SAM function, those a loop makes too.
            if (extension.isEmpty() && context.root().path("Globals").path("Function").has("OutboundNetworkAccess")) {
                extension = firstSamFunction(entry.getValue().get(2), loop.index(2));
                what = "is a SAM function inside Fn::ForEach, which the global OutboundNetworkAccess must fence";
            }
            String subject = what;
            extension.ifPresent(path -> {
                if (loopsExpandedFirst) {
                    context.diagnostics().report(DiagnosticCode.EXTENSION_IN_LOOP, Severity.WARNING, path,
                            subject + "; only CloudFormation expands the loop (AWS::LanguageExtensions runs before "
                                    + "this macro there), so this tool can neither check nor expand it here");
                } else {
                    context.diagnostics().report(DiagnosticCode.EXTENSION_IN_LOOP, path, subject + "; "
                            + "AWS::LanguageExtensions has not expanded the loop yet when this macro runs, so it "
                            + "would pass through unfenced or unexpanded; list " + LANGUAGE_EXTENSIONS
                            + " before OutboundWishlist in Transform");
                }
            });
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        // Checks only.
    }

    /** An extension key anywhere in the loop's resources: in a function's properties or a definition. */
    private static Optional<TemplatePath> firstExtensionKey(JsonNode node, TemplatePath path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                TemplatePath child = path.key(field.getKey());
                if (field.getKey().equals("OutboundNetworkAccess")) {
                    return Optional.of(child);
                }
                if (field.getKey().equals("Definition") && field.getValue().isObject()) {
                    Optional<TemplatePath> inDefinition = inDefinition(field.getValue(), child);
                    if (inDefinition.isPresent()) {
                        return inDefinition;
                    }
                }
                if (field.getKey().equals("DefinitionString")) {
                    Optional<TemplatePath> inText = definitionText(field.getValue())
                            .flatMap(definition -> inDefinition(definition, child));
                    if (inText.isPresent()) {
                        return inText;
                    }
                }
                Optional<TemplatePath> deeper = firstExtensionKey(field.getValue(), child);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<TemplatePath> deeper = firstExtensionKey(node.get(i), path.index(i));
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    /** A SAM function anywhere in the loop's resources, nested loops included: where its Type is. */
    private static Optional<TemplatePath> firstSamFunction(JsonNode node, TemplatePath path) {
        if (node.isObject() && "AWS::Serverless::Function".equals(node.path("Type").asText(null))) {
            return Optional.of(path.key("Type"));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Optional<TemplatePath> found = firstSamFunction(field.getValue(), path.key(field.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<TemplatePath> found = firstSamFunction(node.get(i), path.index(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A DefinitionString as written or under Fn::Sub, read as JSON where it is JSON as it stands. */
    private static Optional<ObjectNode> definitionText(JsonNode value) {
        JsonNode text = value.has("Fn::Sub") ? value.get("Fn::Sub") : value;
        text = text.isArray() && !text.isEmpty() ? text.get(0) : text;
        if (!text.isTextual()) {
            return Optional.empty();
        }
        try {
            return JSON.readTree(text.textValue()) instanceof ObjectNode definition
                    ? Optional.of(definition) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<TemplatePath> inDefinition(JsonNode definition, TemplatePath path) {
        for (Scope scope : Scope.all((ObjectNode) definition)) {
            for (String key : List.of("Catch", "Retry")) {
                if (scope.node().has(key)) {
                    return Optional.of(path.concat(scope.path().key(key)));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> state = it.next();
                for (String key : List.of("RoleArn", "RoleArn.$")) {
                    if (state.getValue().has(key)) {
                        return Optional.of(path.concat(scope.statePath(state.getKey()).key(key)));
                    }
                }
            }
        }
        return Optional.empty();
    }


    private static boolean listsLanguageExtensionsFirst(List<String> transforms) {
        int languageExtensions = transforms.indexOf(LANGUAGE_EXTENSIONS);
        int macro = transforms.indexOf("OutboundWishlist");
        return languageExtensions >= 0 && (macro < 0 || languageExtensions < macro);
    }
}
