package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every state machine definition in a template, in each form it can take:
 * {@code Definition} objects (SAM and raw), {@code DefinitionString} as a string, {@code Fn::Sub}
 * (string or {@code [string, variables]}) or {@code Fn::Join}, and a local {@code DefinitionUri}
 * file (read relative to the template). A definition in S3 cannot be read offline and is noted.
 * In text forms, {@code ${Name}} placeholders (of Fn::Sub or of DefinitionSubstitutions) may stand
 * anywhere, even outside JSON strings; they are kept as opaque values.
 */
public final class DefinitionLocator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!!)[^}]*}");

    private final ExpansionContext context;
    private final Diagnostics problems;

    private DefinitionLocator(ExpansionContext context, Diagnostics problems) {
        this.context = context;
        this.problems = problems;
    }

    /** Every readable definition; problems are not reported (see {@link #check}). */
    public static List<DefinitionSite> locate(ExpansionContext context) {
        return new DefinitionLocator(context, null).sites();
    }

    /** Reports every definition that cannot be read, once per template. */
    public static void check(ExpansionContext context) {
        new DefinitionLocator(context, context.diagnostics()).sites();
    }

    private List<DefinitionSite> sites() {
        List<DefinitionSite> sites = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (!type.equals("AWS::Serverless::StateMachine") && !type.equals("AWS::StepFunctions::StateMachine")) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            TemplatePath path = TemplatePath.of("Resources", resource.getKey(), "Properties");
            if (properties.get("Definition") instanceof ObjectNode definition && !isIntrinsic(definition)) {
                sites.add(new DefinitionSite(resource.getKey(), path.key("Definition"), DefinitionSite.Form.OBJECT,
                        definition, List.of(), SourceMap.NONE, null, DefinitionSite.TextLayout.OBJECT));
            }
            if (properties.has("DefinitionString")) {
                fromText(resource.getKey(), path.key("DefinitionString"), properties.get("DefinitionString"))
                        .ifPresent(sites::add);
            }
            if (properties.has("DefinitionUri")) {
                fromUri(resource.getKey(), path.key("DefinitionUri"), properties.get("DefinitionUri"))
                        .ifPresent(sites::add);
            }
            if (properties.has("DefinitionS3Location")) {
                notRead(path.key("DefinitionS3Location"));
            }
        }
        return sites;
    }

    private Optional<DefinitionSite> fromText(String id, TemplatePath path, JsonNode value) {
        List<TextPart> parts = new ArrayList<>();
        DefinitionSite.Form form;
        String delimiter = "";
        if (value.isTextual()) {
            form = DefinitionSite.Form.STRING;
            splitPlaceholders(value.textValue(), parts);
        } else if (value.has("Fn::Sub") && value.size() == 1) {
            JsonNode sub = value.get("Fn::Sub");
            JsonNode text = sub.isArray() ? sub.path(0) : sub;
            if (!text.isTextual()) {
                return Optional.empty();
            }
            form = DefinitionSite.Form.SUB;
            splitPlaceholders(text.textValue(), parts);
        } else if (value.has("Fn::Join") && value.size() == 1 && value.get("Fn::Join").path(1).isArray()) {
            form = DefinitionSite.Form.JOIN;
            delimiter = value.get("Fn::Join").path(0).asText("");
            boolean first = true;
            for (JsonNode part : value.get("Fn::Join").get(1)) {
                if (!first && !delimiter.isEmpty()) {
                    parts.add(new TextPart.Literal(delimiter));
                }
                first = false;
                if (part.isTextual()) {
                    splitPlaceholders(part.textValue(), parts);
                } else {
                    parts.add(new TextPart.Opaque(null, part));
                }
            }
        } else {
            return Optional.empty(); // another intrinsic (Ref, If, ...): only CloudFormation can resolve it
        }
        if (PlaceholderTokens.clashes(parts)) {
            report(path, "holds characters from the Unicode private use area, which this tool cannot process; "
                    + "write them as \\u escapes");
            return Optional.empty();
        }
        String json = PlaceholderTokens.tokenize(parts);
        try {
            Template parsed = TemplateReader.read("definition.json", json.getBytes(StandardCharsets.UTF_8),
                    Optional.empty());
            DefinitionSite.TextLayout layout = new DefinitionSite.TextLayout(json.strip().contains("\n"),
                    json.endsWith("\n"), delimiter);
            return Optional.of(new DefinitionSite(id, path, form, parsed.root(), parts, parsed.sourceMap(), null, layout));
        } catch (TemplateReadException e) {
            String where = e.position().map(p -> " (line " + p.line() + ":" + p.column() + " of the definition)").orElse("");
            report(path, "is not a valid state machine definition: it " + e.getMessage() + where);
            return Optional.empty();
        }
    }

    private static void splitPlaceholders(String text, List<TextPart> parts) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(new TextPart.Literal(text.substring(last, matcher.start())));
            }
            parts.add(new TextPart.Opaque(matcher.group(), null));
            last = matcher.end();
        }
        if (last < text.length()) {
            parts.add(new TextPart.Literal(text.substring(last)));
        }
    }

    private Optional<DefinitionSite> fromUri(String id, TemplatePath path, JsonNode uri) {
        Optional<Path> base = context.template().baseDirectory();
        if (!uri.isTextual() || uri.textValue().startsWith("s3://") || base.isEmpty()) {
            notRead(path);
            return Optional.empty();
        }
        Path file = base.get().resolve(uri.textValue()).normalize();
        try {
            Template parsed = TemplateReader.read(file);
            return Optional.of(new DefinitionSite(id, path, DefinitionSite.Form.FILE, parsed.root(), List.of(),
                    parsed.sourceMap(), uri.textValue(), DefinitionSite.TextLayout.OBJECT));
        } catch (TemplateReadException e) {
            String where = e.position().map(p -> " (" + uri.textValue() + ":" + p.line() + ":" + p.column() + ")")
                    .orElse("");
            report(path, "names the file " + uri.textValue() + ", which " + e.getMessage() + where);
            return Optional.empty();
        }
    }

    private void notRead(TemplatePath path) {
        if (problems != null) {
            problems.report(DiagnosticCode.DEFINITION_NOT_READ, path,
                    "points to a definition this tool cannot read here, so a definition-level Catch or Retry or a "
                            + "task-level RoleArn in it is not expanded; to use them, inline the definition as "
                            + "Definition (or, with the CLI, point DefinitionUri at a local file)");
        }
    }

    private void report(TemplatePath path, String message) {
        if (problems != null) {
            problems.report(DiagnosticCode.DEFINITION_INVALID, path, message);
        }
    }

    private static boolean isIntrinsic(JsonNode node) {
        return node.size() == 1 && (node.has("Ref") || node.fieldNames().next().startsWith("Fn::"));
    }
}
