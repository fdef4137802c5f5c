package dev.outboundwishlist.pending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds uses of the extensions this version cannot expand yet and rejects them clearly, so a
 * template never passes through with an extension key CloudFormation would choke on (or, worse,
 * silently without the fence it asked for).
 */
public final class PendingExtensions implements Extension {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    @Override
    public void validate(ExpansionContext context) {
        JsonNode globals = context.root().path("Globals").path("Function");
        if (globals.has("OutboundNetworkAccess")) {
            notYet(context, TemplatePath.of("Globals", "Function", "OutboundNetworkAccess"), "OutboundNetworkAccess");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            TemplatePath path = TemplatePath.of("Resources", resource.getKey(), "Properties");
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                    if (properties.has("OutboundNetworkAccess")) {
                        notYet(context, path.key("OutboundNetworkAccess"), "OutboundNetworkAccess");
                    }
                }
                case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" ->
                        stateMachine(context, properties, path);
                default -> {
                    // other resources carry no extension
                }
            }
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        // Nothing to expand: validate rejects every use.
    }

    private void stateMachine(ExpansionContext context, JsonNode properties, TemplatePath path) {
        if (properties.get("Definition") != null && properties.get("Definition").isObject()) {
            scope(context, properties.get("Definition"), path.key("Definition"), TemplatePath.ROOT);
        }
        JsonNode string = properties.get("DefinitionString");
        if (string != null) {
            parseLeniently(string).ifPresent(d -> scope(context, d, path.key("DefinitionString"), TemplatePath.ROOT));
        }
        JsonNode uri = properties.get("DefinitionUri");
        Optional<Path> base = context.template().baseDirectory();
        if (uri != null && uri.isTextual() && !uri.textValue().startsWith("s3://") && base.isPresent()) {
            try {
                Template file = TemplateReader.read(base.get().resolve(uri.textValue()));
                scope(context, file.root(), path.key("DefinitionUri"), TemplatePath.ROOT);
            } catch (TemplateReadException e) {
                // The definition finder reports unreadable files; here only extension keys matter.
            }
        }
    }

    /** Walks one scope (a definition, a Parallel branch, a Map processor) and the scopes inside it. */
    private void scope(ExpansionContext context, JsonNode scope, TemplatePath at, TemplatePath inside) {
        for (String key : new String[] {"Catch", "Retry"}) {
            if (scope.has(key)) {
                report(context, at, inside, key, "a definition-level " + key);
            }
        }
        JsonNode states = scope.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            TemplatePath statePath = TemplatePath.of("States", state.getKey());
            JsonNode body = state.getValue();
            for (String key : new String[] {"RoleArn", "RoleArn.$"}) {
                if (body.has(key)) {
                    report(context, at, join(inside, statePath), key, "a task-level " + key);
                }
            }
            JsonNode branches = body.path("Branches");
            for (int i = 0; i < branches.size(); i++) {
                scope(context, branches.get(i), at, join(inside, statePath.key("Branches").index(i)));
            }
            for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
                if (body.has(processor)) {
                    scope(context, body.get(processor), at, join(inside, statePath.key(processor)));
                }
            }
        }
    }

    private static TemplatePath join(TemplatePath prefix, TemplatePath suffix) {
        TemplatePath joined = prefix;
        for (Object segment : suffix.segments()) {
            joined = segment instanceof Integer i ? joined.index(i) : joined.key((String) segment);
        }
        return joined;
    }

    /** In an object definition the path goes on inside it; in a string, the place is named in the message. */
    private void report(ExpansionContext context, TemplatePath at, TemplatePath inside, String key, String what) {
        boolean objectDefinition = at.segments().get(at.segments().size() - 1).equals("Definition");
        TemplatePath inDefinition = inside.key(key);
        TemplatePath where = objectDefinition ? join(at, inDefinition) : at;
        String place = objectDefinition ? "" : " (at " + inDefinition + " in the definition)";
        context.diagnostics().report(DiagnosticCode.NOT_YET_SUPPORTED, where,
                what + " cannot be expanded by this version yet" + place);
    }

    private static void notYet(ExpansionContext context, TemplatePath path, String what) {
        context.diagnostics().report(DiagnosticCode.NOT_YET_SUPPORTED, path,
                what + " cannot be expanded by this version yet; remove it, or keep the function's default network access");
    }

    /** Enough of a definition string to find extension keys: placeholders and intrinsic parts become 0. */
    private static Optional<JsonNode> parseLeniently(JsonNode value) {
        StringBuilder text = new StringBuilder();
        if (value.isTextual()) {
            text.append(value.textValue());
        } else if (value.has("Fn::Sub")) {
            JsonNode sub = value.get("Fn::Sub");
            text.append(sub.isArray() ? sub.path(0).asText() : sub.asText());
        } else if (value.has("Fn::Join") && value.get("Fn::Join").path(1).isArray()) {
            for (JsonNode part : value.get("Fn::Join").get(1)) {
                text.append(part.isTextual() ? part.textValue() : "0");
            }
        }
        try {
            return Optional.of(JSON.readTree(PLACEHOLDER.matcher(text).replaceAll("0")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
