package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.engine.ExpansionResult;

import java.util.List;
import java.util.Optional;

/** The macro's answer: {@code requestId}, {@code status}, {@code fragment} or {@code errorMessage}. */
record MacroResponse(String requestId, Optional<ObjectNode> fragment, String errorMessage, int errors,
                     int warnings, int resourcesAdded) {

    static MacroResponse failure(String requestId, String message) {
        return new MacroResponse(requestId, Optional.empty(), message, 1, 0, 0);
    }

    static MacroResponse of(String requestId, ExpansionResult result) {
        int errors = (int) result.count(Severity.ERROR);
        int warnings = (int) result.count(Severity.WARNING);
        if (result.succeeded()) {
            return new MacroResponse(requestId, result.template(), null, 0, warnings,
                    result.resourcesAfter() - result.resourcesBefore());
        }
        return new MacroResponse(requestId, Optional.empty(), errorMessage(result.diagnostics()), errors, warnings, 0);
    }

    /**
     * Every error in one message, numbered, each with its path and code:
     * CloudFormation shows only this text in the stack events.
     */
    static String errorMessage(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return "OutboundWishlist could not expand the template, but reported no error; please report it";
        }
        StringBuilder message = new StringBuilder("OutboundWishlist found ").append(errors.size())
                .append(errors.size() == 1 ? " error:" : " errors:");
        for (int i = 0; i < errors.size(); i++) {
            Diagnostic error = errors.get(i);
            message.append(" [").append(i + 1).append("] ").append(error.pathAndMessage())
                    .append(" (").append(error.code().id()).append(')');
        }
        return message.toString();
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("requestId", requestId);
        node.put("status", fragment.isPresent() ? "success" : "failure");
        fragment.ifPresent(f -> node.set("fragment", f));
        if (errorMessage != null) {
            node.put("errorMessage", errorMessage);
        }
        return node;
    }
}
