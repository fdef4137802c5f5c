package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * (string or {@code [string, variables]}) or {@code Fn::Join}, either of them inside
 * {@code Fn::If} branches, and a local {@code DefinitionUri} file (read relative to the
 * template). A definition in S3 cannot be read offline and is noted. In text forms,
 * {@code ${Name}} placeholders (of Fn::Sub or of DefinitionSubstitutions) may stand for a value
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
            boolean sam = type.equals("AWS::Serverless::StateMachine");
            if (!sam && !type.equals("AWS::StepFunctions::StateMachine")) {
                continue;
            }
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            TemplatePath path = TemplatePath.of("Resources", id, "Properties");
            List<String> written = new ArrayList<>();
            for (String key : new String[] {"Definition", "DefinitionString", "DefinitionUri", "DefinitionS3Location"}) {
                if (properties.has(key)) {
                    written.add(key);
                }
            }
            if (written.size() > 1) {
                report(path.key(written.get(1)), "is written beside " + written.get(0)
                        + "; a state machine takes exactly one definition");
                continue;
            }
            if (sam && properties.path("Definition").has("Fn::If")) {
                // SAM writes a Definition into DefinitionString as it stands: the Fn::If would be its text.
                report(path.key("Definition"), "is an Fn::If, which the SAM transform does not resolve: it would "
                        + "write the Fn::If into the definition's text; choose between whole state machines with "
                        + "Conditions, write Fn::If inside the definition's values, or use an "
                        + "AWS::StepFunctions::StateMachine, where CloudFormation resolves it");
                continue;
            }
            for (Candidate c : candidates(properties, "Definition", path.key("Definition"))) {
                if (c.value() instanceof ObjectNode definition) {
                    sites.add(new DefinitionSite(id, c.path(), c.parent(), c.slot(), DefinitionSite.Form.OBJECT,
                            definition, List.of(), SourceMap.NONE, null, DefinitionSite.TextLayout.OBJECT, c.branches()));
                }
            }
            for (Candidate c : candidates(properties, "DefinitionString", path.key("DefinitionString"))) {
                fromText(id, c).ifPresent(sites::add);
            }
            if (properties.has("DefinitionUri")) {
                fromUri(id, path.key("DefinitionUri"), properties).ifPresent(sites::add);
            }
            if (properties.has("DefinitionS3Location")) {
                notRead(path.key("DefinitionS3Location"), "it is in S3", "inline it as Definition or DefinitionString");
            }
        }
        return sites;
    }

    /** A value where a definition may stand, with the mapping or list holding it and the Fn::If branches above it. */
    private record Candidate(JsonNode value, TemplatePath path, JsonNode parent, Object slot,
                             List<DefinitionSite.Branch> branches) {
    }

    /** The value of {@code key}, or each branch of an {@code Fn::If} there (nested ones too). */
    private static List<Candidate> candidates(JsonNode properties, String key, TemplatePath path) {
        List<Candidate> found = new ArrayList<>();
        if (properties.has(key)) {
            collect(new Candidate(properties.get(key), path, properties, key, List.of()), found);
        }
        return found;
    }

    private static void collect(Candidate candidate, List<Candidate> found) {
        JsonNode value = candidate.value();
        JsonNode branches = value.size() == 1 ? value.get("Fn::If") : null;
        if (branches != null && branches.isArray() && branches.size() == 3) {
            TemplatePath path = candidate.path().key("Fn::If");
            for (int i = 1; i <= 2; i++) {
                List<DefinitionSite.Branch> inside = new ArrayList<>(candidate.branches());
                inside.add(new DefinitionSite.Branch(branches.get(0), i == 1));
                collect(new Candidate(branches.get(i), path.index(i), branches, i, inside), found);
            }
        } else if (!isIntrinsicOtherThanText(value)) {
            found.add(candidate);
        }
    }

    private static boolean isIntrinsicOtherThanText(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return (key.equals("Ref") || key.startsWith("Fn::")) && !key.equals("Fn::Sub") && !key.equals("Fn::Join");
    }

    private Optional<DefinitionSite> fromText(String id, Candidate candidate) {
        JsonNode value = candidate.value();
        List<TextPart> parts = new ArrayList<>();
        DefinitionSite.Form form;
        String delimiter = "";
        if (value.isTextual()) {
            form = DefinitionSite.Form.STRING;
            splitPlaceholders(value.textValue(), parts);
        } else if (value.has("Fn::Sub")) {
            JsonNode sub = value.get("Fn::Sub");
            JsonNode text = sub.isArray() ? sub.path(0) : sub;
            if (!text.isTextual()) {
                return Optional.empty();
            }
            form = DefinitionSite.Form.SUB;
            splitPlaceholders(text.textValue(), parts);
        } else if (value.has("Fn::Join") && value.get("Fn::Join").path(1).isArray()) {
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
            return Optional.empty();
        }
        return parse(id, candidate, form, parts, delimiter, null);
    }

    private Optional<DefinitionSite> parse(String id, Candidate candidate, DefinitionSite.Form form,
                                           List<TextPart> parts, String delimiter, String fileName) {
        String where = fileName == null ? "the definition" : fileName;
        if (PlaceholderTokens.clashes(parts)) {
            report(candidate.path(), "holds characters from the Unicode private use area U+E000 to U+E002, which "
                    + "this tool cannot process in " + where + "; write them as \\u escapes");
            return Optional.empty();
        }
        String json = PlaceholderTokens.tokenize(parts);
        try {
            Template parsed = TemplateReader.read("definition.json", json.getBytes(StandardCharsets.UTF_8),
                    Optional.empty());
            DefinitionSite.TextLayout layout = new DefinitionSite.TextLayout(json.strip().contains("\n"),
                    json.endsWith("\n"), delimiter);
            return Optional.of(new DefinitionSite(id, candidate.path(), candidate.parent(), candidate.slot(), form,
                    parsed.root(), parts, parsed.sourceMap(), fileName, layout, candidate.branches()));
        } catch (TemplateReadException e) {
            String position = e.position().map(p -> fileName == null
                    ? " (line " + p.line() + ":" + p.column() + " of the definition)"
                    : " (" + fileName + ":" + p.line() + ":" + p.column() + ")").orElse("");
            if (PlaceholderTokens.hasBareToken(json)) {
                // A placeholder may stand for part of the JSON (several fields, say): valid for
                // CloudFormation, unreadable here. Only extensions inside go unexpanded.
                notRead(candidate.path(), "it is not JSON until CloudFormation fills its placeholders" + position,
                        "let placeholders stand only for whole values");
            } else {
                report(candidate.path(), (fileName == null ? "is" : "names the file " + fileName + ", which is")
                        + " not a valid state machine definition: it " + e.getMessage() + position);
            }
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

    private Optional<DefinitionSite> fromUri(String id, TemplatePath path, JsonNode properties) {
        JsonNode uri = properties.get("DefinitionUri");
        Optional<Path> base = context.template().baseDirectory();
        if (!uri.isTextual() || uri.textValue().startsWith("s3://") || base.isEmpty()) {
            String where = Intrinsics.isIntrinsic(uri) ? "its name is an intrinsic function, known only at deploy"
                    : base.isEmpty() && uri.isTextual() && !uri.textValue().startsWith("s3://")
                    ? "its file is not beside the template here" : "it is in S3";
            notRead(path, where, "inline it as Definition or, with the CLI, point DefinitionUri at a local file");
            return Optional.empty();
        }
        String name = uri.textValue();
        Path file = base.get().resolve(name).normalize();
        if (name.isBlank() || Files.isDirectory(file)) {
            report(path, (name.isBlank() ? "is empty" : "names the folder " + name)
                    + "; name the definition's file (JSON or YAML), relative to the template");
            return Optional.empty();
        }
        Candidate candidate = new Candidate(uri, path, properties, "DefinitionUri", List.of());
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            // JSON files may hold DefinitionSubstitutions placeholders outside strings, as DefinitionString does.
            try {
                List<TextPart> parts = new ArrayList<>();
                splitPlaceholders(TemplateReader.decode(TemplateReader.readBytes(file)), parts);
                return parse(id, candidate, DefinitionSite.Form.FILE, parts, "", name);
            } catch (TemplateReadException e) {
                report(path, "names the file " + name + ", which " + e.getMessage());
                return Optional.empty();
            }
        }
        try {
            Template parsed = TemplateReader.read(file);
            return Optional.of(new DefinitionSite(id, path, properties, "DefinitionUri", DefinitionSite.Form.FILE,
                    parsed.root(), List.of(), parsed.sourceMap(), name, DefinitionSite.TextLayout.OBJECT, List.of()));
        } catch (TemplateReadException e) {
            String where = e.position().map(p -> " (" + name + ":" + p.line() + ":" + p.column() + ")").orElse("");
            String problem = e.code() == DiagnosticCode.NOT_A_MAPPING
                    ? "is not a state machine definition (a mapping with StartAt and States)" : e.getMessage();
            report(path, "names the file " + name + ", which " + problem + where);
            return Optional.empty();
        }
    }

    private void notRead(TemplatePath path, String reason, String remedy) {
        if (problems != null) {
            problems.report(DiagnosticCode.DEFINITION_NOT_READ, path, "holds a definition this tool cannot read ("
                    + reason + "), so a definition-level Catch or Retry or a task-level RoleArn in it is not "
                    + "expanded; to use them, " + remedy);
        }
    }

    private void report(TemplatePath path, String message) {
        if (problems != null) {
            problems.report(DiagnosticCode.DEFINITION_INVALID, path, message);
        }
    }
}
