package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One structured line per invocation: counts and timing only. Template content and parameter
 * values never reach the log (they may hold NoEcho secrets).
 */
final class InvocationLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvocationLog() {
    }

    static String line(String requestId, MacroResponse response, long durationMillis) {
        ObjectNode line = JSON.createObjectNode();
        line.put("requestId", requestId);
        line.put("status", response.fragment().isPresent() ? "success" : "failure");
        line.put("durationMs", durationMillis);
        line.put("errors", response.errors());
        line.put("warnings", response.warnings());
        line.put("resourcesAdded", response.resourcesAdded());
        return line.toString();
    }
}
