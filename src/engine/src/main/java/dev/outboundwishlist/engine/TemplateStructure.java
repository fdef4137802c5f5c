package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.loops.ForEachLoops;
import dev.outboundwishlist.template.Excerpt;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.SourceMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape every extension relies on (sections that are mappings, resources with a Type) and
 * the {@code Transform} section: where this macro is listed, and removing it once it has run.
 */
final class TemplateStructure {

    static final String MACRO_NAME = "OutboundWishlist";
    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");
    private static final int MAX_LOGICAL_ID = 255;

    private TemplateStructure() {
    }

    /** Reports what would make the template unusable; true when extensions can safely read it. */
    static boolean check(ObjectNode root, Diagnostics diagnostics) {
        boolean usable = true;
        // Loops are keys only where AWS::LanguageExtensions will expand them; elsewhere they are ids like any.
        boolean loops = transformNames(root.get("Transform")).contains(ForEachLoops.LANGUAGE_EXTENSIONS);
        JsonNode resources = root.get("Resources");
        if (resources == null) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, TemplatePath.ROOT,
                    "has no Resources section; CloudFormation requires at least one resource");
            usable = false;
        } else if (!resources.isObject()) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, TemplatePath.of("Resources"),
                    "must be a mapping of logical ids to resources, not " + Excerpt.describe(resources));
            usable = false;
        } else if (resources.isEmpty()) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, TemplatePath.of("Resources"),
                    "is empty; CloudFormation requires at least one resource");
            usable = false;
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                // Fn::ForEach loops of AWS::LanguageExtensions are expanded by that transform, not here.
                if (!resource.getKey().startsWith(ForEachLoops.LOOP)) {
                    usable &= checkResource(resource.getKey(), resource.getValue(), diagnostics);
                } else if (!loops) {
                    loopWithoutTransform(TemplatePath.of("Resources", resource.getKey()), diagnostics);
                    usable = false;
                }
            }
        }
        // A refused id is reported, but does not keep the extensions from reporting their own findings.
        for (String section : new String[] {"Resources", "Parameters", "Outputs"}) {
            checkLogicalIds(section, root.get(section), loops, diagnostics);
        }
        for (String section : new String[] {"Globals", "Metadata", "Parameters", "Conditions", "Outputs"}) {
            JsonNode value = root.get(section);
            if (value != null && !value.isObject()) {
                diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, TemplatePath.of(section),
                        "must be a mapping, not " + Excerpt.describe(value));
                usable = false;
            }
        }
        checkTransform(root.get("Transform"), diagnostics);
        return usable;
    }

    /**
     * The template without its malformed resources, when they are all that keeps it from being
     * usable: the other resources can then still be checked, so every error is reported at once.
     */
    static Optional<ObjectNode> withoutMalformedResources(ObjectNode root) {
        ObjectNode rest = root.deepCopy();
        if (rest.get("Resources") instanceof ObjectNode resources) {
            Diagnostics ignored = new Diagnostics(SourceMap.NONE);
            List<String> malformed = new ArrayList<>();
            resources.properties().forEach(resource -> {
                if (!resource.getKey().startsWith(ForEachLoops.LOOP)
                        && !checkResource(resource.getKey(), resource.getValue(), ignored)) {
                    malformed.add(resource.getKey());
                }
            });
            resources.remove(malformed);
        }
        return check(rest, new Diagnostics(SourceMap.NONE)) ? Optional.of(rest) : Optional.empty();
    }

    private static void loopWithoutTransform(TemplatePath path, Diagnostics diagnostics) {
        diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, path, "is an Fn::ForEach loop, which only the "
                + ForEachLoops.LANGUAGE_EXTENSIONS + " transform expands; list it in Transform, before OutboundWishlist");
    }

    /**
     * CloudFormation refuses the whole stack over one such id, and generated ids are derived from
     * function and state machine ids: better a clear error here, with its line, than a mangled name.
     */
    private static void checkLogicalIds(String section, JsonNode entries, boolean loops, Diagnostics diagnostics) {
        if (entries == null || !entries.isObject()) {
            return;
        }
        for (Iterator<String> ids = entries.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.startsWith(ForEachLoops.LOOP) && !section.equals("Parameters")) {
                if (section.equals("Outputs") && !loops) {
                    loopWithoutTransform(TemplatePath.of(section, id), diagnostics);
                }
                continue;
            }
            String wrong = id.length() > MAX_LOGICAL_ID
                    ? "is " + id.length() + " characters long; CloudFormation allows at most " + MAX_LOGICAL_ID
                    : id.isEmpty() ? "is empty"
                    : !LOGICAL_ID.matcher(id).matches()
                    ? "holds " + refused(id) + "; CloudFormation allows only the letters A-Z, a-z and the digits 0-9"
                            + suggestion(id)
                    : null;
            if (wrong != null) {
                diagnostics.report(DiagnosticCode.INVALID_LOGICAL_ID, TemplatePath.of(section, id),
                        "is not a logical id CloudFormation accepts: it " + wrong);
            }
        }
    }

    private static String suggestion(String id) {
        String kept = id.replaceAll("[^A-Za-z0-9]", "");
        return kept.isEmpty() ? "" : " (such as " + Excerpt.of(kept) + ")";
    }

    /** The characters CloudFormation refuses in an id, each once, quoted. */
    private static String refused(String id) {
        return Excerpt.of(id.codePoints().filter(c -> !(c < 128 && Character.isLetterOrDigit(c))).distinct()
                .mapToObj(c -> "'" + Character.toString(c) + "'").collect(Collectors.joining(", ")));
    }

    private static boolean checkResource(String id, JsonNode resource, Diagnostics diagnostics) {
        TemplatePath path = TemplatePath.of("Resources", id);
        if (!resource.isObject()) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, path,
                    "must be a mapping with a Type, not " + Excerpt.describe(resource));
            return false;
        }
        JsonNode type = resource.get("Type");
        if (type == null || !type.isTextual()) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, path.key("Type"),
                    type == null ? "is missing; every resource needs a Type such as AWS::Serverless::Function"
                            : "must be a resource type name, not " + Excerpt.describe(type));
            return false;
        }
        JsonNode properties = resource.get("Properties");
        if (properties != null && !properties.isObject() && !Intrinsics.isIntrinsic(properties)) {
            diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, path.key("Properties"),
                    "must be a mapping, not " + Excerpt.describe(properties));
            return false;
        }
        return true;
    }

    /** Transform is a name, a {@code {Name, Parameters}} mapping (AWS::Include), or a list of them. */
    private static void checkTransform(JsonNode transform, Diagnostics diagnostics) {
        if (transform == null) {
            return;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (transform.isArray()) {
            transform.forEach(entries::add);
        } else {
            entries.add(transform);
        }
        for (JsonNode entry : entries) {
            if (!entry.isTextual() && !entry.path("Name").isTextual()) {
                diagnostics.report(DiagnosticCode.WRONG_SECTION_TYPE, TemplatePath.of("Transform"),
                        "must be a transform name, a mapping with a Name, or a list of them, not "
                                + Excerpt.describe(entry));
                return;
            }
        }
        List<String> names = transformNames(transform);
        int macro = names.indexOf(MACRO_NAME);
        int sam = names.indexOf(SAM_TRANSFORM);
        if (macro >= 0 && sam >= 0 && sam < macro) {
            diagnostics.report(DiagnosticCode.MACRO_AFTER_SAM, TemplatePath.of("Transform"),
                    "lists " + MACRO_NAME + " after " + SAM_TRANSFORM + "; the SAM transform runs first and rejects "
                            + "OutboundNetworkAccess on its functions; write Transform: [" + MACRO_NAME + ", "
                            + SAM_TRANSFORM + "]");
        }
    }

    /** The names of the transforms a template lists, in order. */
    static List<String> transformNames(JsonNode transform) {
        List<String> names = new ArrayList<>();
        if (transform == null) {
            return names;
        }
        for (JsonNode entry : transform.isArray() ? transform : List.of(transform)) {
            names.add(entry.isTextual() ? entry.textValue() : entry.path("Name").asText(""));
        }
        return names;
    }

    /**
     * A value given (on the command line) for a parameter the template does not declare may be a
     * misspelt name, whose value the expansion then lacks. An info, not a warning: one run of the
     * CLI often passes the same values to many templates, not all of which declare them all.
     */
    static void checkParameterValues(ObjectNode root, Environment environment, Diagnostics diagnostics) {
        JsonNode declared = root.path("Parameters");
        if (!declared.isMissingNode() && !declared.isObject()) {
            return; // OWL101 already says what is wrong with the section
        }
        List<String> names = new ArrayList<>();
        declared.fieldNames().forEachRemaining(names::add);
        String declares = names.isEmpty() ? "declares no parameters" : "declares " + Excerpt.of(String.join(", ", names));
        for (String name : environment.parameterValues().keySet()) {
            if (declared.has(name)) {
                continue;
            }
            diagnostics.report(DiagnosticCode.UNDECLARED_PARAMETER_VALUE,
                    declared.isObject() ? TemplatePath.of("Parameters") : TemplatePath.ROOT,
                    "a value is given for the parameter '" + Excerpt.of(name) + "', but the template " + declares
                            + "; if it was meant for one of these, correct the name: the expansion does not "
                            + "know that parameter's value");
        }
    }

    /** A template that used an extension but does not list the macro would reach CloudFormation unexpanded. */
    static void checkMacroListed(ObjectNode root, Diagnostics diagnostics) {
        if (!transformNames(root.get("Transform")).contains(MACRO_NAME)) {
            diagnostics.report(DiagnosticCode.MACRO_NOT_LISTED, TemplatePath.of("Transform"),
                    "does not list " + MACRO_NAME + ", but the template uses its extensions; CloudFormation will "
                            + "not expand them; write Transform: [" + MACRO_NAME + ", " + SAM_TRANSFORM + "]");
        }
    }

    /** This macro, named alone or as {@code {Name: OutboundWishlist, Parameters: ...}}. */
    private static boolean isMacro(JsonNode entry) {
        return MACRO_NAME.equals(entry.isTextual() ? entry.textValue() : entry.path("Name").asText(null));
    }

    /** Removes this macro from {@code Transform}, keeping every other transform in order. */
    static void removeMacro(ObjectNode root) {
        JsonNode transform = root.get("Transform");
        if (transform == null) {
            return;
        }
        if (isMacro(transform)) {
            root.remove("Transform");
        } else if (transform instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (isMacro(list.get(i))) {
                    list.remove(i);
                }
            }
            if (list.isEmpty()) {
                root.remove("Transform");
            }
        }
    }

}
