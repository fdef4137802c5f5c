package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.statemachine.Scope;
import dev.outboundwishlist.template.Excerpt;
import dev.outboundwishlist.template.Intrinsics;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a scope's definition-level {@code Catch} or {@code Retry} into a plain list of ASL
 * catchers or retriers, reporting every problem. The short forms: {@code Catch: Handler} is
 * {@code [{ErrorEquals: [States.ALL], Next: Handler}]}; a single object is a list of one; a
 * missing {@code ErrorEquals} is {@code [States.ALL]}.
 */
final class DefinitionLevelHandlers {

    static final String ALL = "States.ALL";
    /** A machine of thousands of states is not listed whole in a message. */
    private static final int NAMES_SHOWN = 20;

    private final DefinitionSite site;
    private final Scope scope;
    private final HandlerKind kind;
    private final Diagnostics diagnostics;
    private boolean valid = true;

    private DefinitionLevelHandlers(DefinitionSite site, Scope scope, HandlerKind kind, Diagnostics diagnostics) {
        this.site = site;
        this.scope = scope;
        this.kind = kind;
        this.diagnostics = diagnostics;
    }

    /** The normalized list, or empty if the scope has none or it is invalid (then reported). */
    static Optional<ArrayNode> read(DefinitionSite site, Scope scope, HandlerKind kind, Diagnostics diagnostics) {
        JsonNode value = scope.node().get(kind.key);
        if (value == null) {
            return Optional.empty();
        }
        DefinitionLevelHandlers reader = new DefinitionLevelHandlers(site, scope, kind, diagnostics);
        ArrayNode handlers = reader.normalize(value);
        return reader.valid ? Optional.of(handlers) : Optional.empty();
    }

    private ArrayNode normalize(JsonNode value) {
        TemplatePath path = scope.path().key(kind.key);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (Intrinsics.isIntrinsic(value)) {
            error(DiagnosticCode.WRONG_HANDLER_TYPE, path, "is an intrinsic function, which the macro cannot merge into "
                    + "states before CloudFormation resolves it; write the " + kind.noun + "s out, or choose between whole "
                    + "definitions with Fn::If");
            return list;
        }
        if (value.isTextual() && kind == HandlerKind.CATCH) {
            ObjectNode catcher = list.addObject();
            catcher.putArray("ErrorEquals").add(ALL);
            catcher.put("Next", value.textValue());
        } else if (value.isObject()) {
            list.add(value.deepCopy());
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                error(DiagnosticCode.MALFORMED_HANDLER, path, "is an empty list; give at least one " + kind.noun
                        + ", or remove " + kind.key);
            }
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isObject()) {
                    list.add(value.get(i).deepCopy());
                } else {
                    error(DiagnosticCode.WRONG_HANDLER_TYPE, path.index(i), "must be a " + kind.noun + " object");
                }
            }
        } else {
            String forms = kind == HandlerKind.CATCH
                    ? "a state name, a catcher object or a list of catchers" : "a retrier object or a list of retriers";
            error(DiagnosticCode.WRONG_HANDLER_TYPE, path, "must be " + forms);
            return list;
        }
        boolean single = !value.isArray();
        for (int i = 0; i < list.size(); i++) {
            check((ObjectNode) list.get(i), single ? path : path.index(i), i == list.size() - 1);
        }
        return list;
    }

    private void check(ObjectNode handler, TemplatePath path, boolean last) {
        for (Iterator<String> names = handler.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!kind.fields.contains(name)) {
                error(DiagnosticCode.MALFORMED_HANDLER, path.key(name), "is not a field of a " + kind.noun
                        + "; expected " + String.join(", ", new TreeSet<>(kind.fields)));
            }
        }
        if (!handler.has("ErrorEquals")) {
            handler.putArray("ErrorEquals").add(ALL);
        }
        checkErrorEquals(handler.get("ErrorEquals"), path.key("ErrorEquals"), last);
        if (kind == HandlerKind.CATCH) {
            checkNext(handler.get("Next"), path);
            checkResultPath(handler.get("ResultPath"), path);
        } else {
            checkRetryNumbers(handler, path);
        }
    }

    private void checkErrorEquals(JsonNode errors, TemplatePath path, boolean last) {
        if (!errors.isArray() || errors.isEmpty()) {
            error(DiagnosticCode.MALFORMED_HANDLER, path, "must be a non-empty list of error names such as "
                    + "[States.ALL] or [Lambda.ServiceException]");
            return;
        }
        boolean all = false;
        for (int i = 0; i < errors.size(); i++) {
            JsonNode name = errors.get(i);
            if (!name.isTextual() || name.textValue().isEmpty()) {
                error(DiagnosticCode.MALFORMED_HANDLER, path.index(i), "must be an error name");
            } else if (name.textValue().equals(ALL)) {
                all = true;
            }
        }
        if (all && errors.size() > 1) {
            error(DiagnosticCode.STATES_ALL_NOT_LAST, path, "lists States.ALL with other errors; States.ALL "
                    + "matches every error and must be alone in its " + kind.noun);
        } else if (all && !last) {
            error(DiagnosticCode.STATES_ALL_NOT_LAST, path, "has States.ALL, but this " + kind.noun
                    + " is not the last; a States.ALL " + kind.noun + " must come last");
        }
    }

    private void checkNext(JsonNode next, TemplatePath path) {
        if (next == null || next.isTextual() && next.textValue().isEmpty()) {
            error(DiagnosticCode.MALFORMED_HANDLER, next == null ? path : path.key("Next"),
                    "needs Next: the name of the state that handles the error");
            return;
        }
        if (!next.isTextual()) {
            error(DiagnosticCode.MALFORMED_HANDLER, path.key("Next"), "must be the name of a state of this "
                    + "definition, not " + Excerpt.describe(next));
            return;
        }
        if (!scope.states().has(next.textValue())) {
            Set<String> names = new TreeSet<>();
            scope.states().fieldNames().forEachRemaining(n -> names.add(site.display(n)));
            List<String> shown = names.stream().limit(NAMES_SHOWN).toList();
            error(DiagnosticCode.CATCH_HANDLER_UNKNOWN, path.key("Next"), "'" + site.display(next.textValue())
                    + "' is not a state of " + (scope.path().isRoot() ? "this definition" : "this scope")
                    + "; a catcher can only move to a state of the same States mapping (" + String.join(", ", shown)
                    + (names.size() > shown.size() ? ", and " + (names.size() - shown.size()) + " more" : "") + ")");
        }
    }

    /** A JSONPath catcher's ResultPath: a reference path, or null to discard the error (JSONata has none: OWL404). */
    private void checkResultPath(JsonNode resultPath, TemplatePath path) {
        if (resultPath == null || resultPath.isNull() || site.isPlaceholder(resultPath)) {
            return;
        }
        if (!resultPath.isTextual() || !resultPath.textValue().startsWith("$")) {
            error(DiagnosticCode.MALFORMED_HANDLER, path.key("ResultPath"), "must be a path starting with $, such "
                    + "as $.error (where the error goes in the state's input), or null to discard the error; not "
                    + Excerpt.describe(resultPath));
        }
    }

    private void checkRetryNumbers(ObjectNode retrier, TemplatePath path) {
        wholeNumber(retrier, path, "IntervalSeconds", 1);
        wholeNumber(retrier, path, "MaxAttempts", 0);
        wholeNumber(retrier, path, "MaxDelaySeconds", 1);
        JsonNode rate = retrier.get("BackoffRate");
        if (rate != null && !site.isPlaceholder(rate) && (!rate.isNumber() || rate.doubleValue() < 1.0)) {
            error(DiagnosticCode.MALFORMED_HANDLER, path.key("BackoffRate"), "must be a number of at least 1.0");
        }
        JsonNode jitter = retrier.get("JitterStrategy");
        if (jitter != null && !(jitter.isTextual() && Set.of("FULL", "NONE").contains(jitter.textValue()))) {
            error(DiagnosticCode.MALFORMED_HANDLER, path.key("JitterStrategy"), "must be FULL or NONE");
        }
    }

    private void wholeNumber(ObjectNode retrier, TemplatePath path, String field, int minimum) {
        JsonNode value = retrier.get(field);
        if (value != null && !site.isPlaceholder(value) && (!value.isIntegralNumber()
                || value.bigIntegerValue().compareTo(BigInteger.valueOf(minimum)) < 0)) {
            error(DiagnosticCode.MALFORMED_HANDLER, path.key(field), "must be a whole number of at least " + minimum);
        }
    }

    private void error(DiagnosticCode code, TemplatePath path, String message) {
        valid = false;
        site.report(diagnostics, code, path, message);
    }
}
