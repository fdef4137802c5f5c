package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The macro event CloudFormation sends: {@code requestId}, {@code region}, {@code accountId},
 * {@code fragment} (the template, without its Transform section), {@code params} and
 * {@code templateParameterValues}.
 */
record MacroRequest(String requestId, Template template, Environment environment) {

    /** The event is not a macro event; the message names what is missing, never a value. */
    static final class InvalidEvent extends Exception {
        InvalidEvent(String message) {
            super(message, null, false, false);
        }
    }

    static MacroRequest parse(JsonNode event) throws InvalidEvent {
        if (event == null || !event.isObject()) {
            throw new InvalidEvent("the macro event is not a JSON object");
        }
        String requestId = event.path("requestId").asText("");
        JsonNode fragment = event.get("fragment");
        if (fragment == null || fragment.isNull()) {
            throw new InvalidEvent("the macro event has no fragment");
        }
        String region = event.path("region").asText("");
        if (region.isEmpty()) {
            region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse(Environment.DEFAULT_REGION);
        }
        Optional<String> account = Optional.of(event.path("accountId").asText("")).filter(a -> !a.isEmpty());
        Template template;
        try {
            template = TemplateReader.fromFragment(fragment);
        } catch (TemplateReadException e) {
            throw new InvalidEvent("fragment" + (e.path().isRoot() ? "" : "/" + e.path()) + ": " + e.getMessage());
        }
        return new MacroRequest(requestId, template, new Environment(region, account,
                parameterValues(event.path("templateParameterValues")), true));
    }

    /** CloudFormation passes list parameters as JSON lists; they become comma-joined, as Ref yields them. */
    private static Map<String, String> parameterValues(JsonNode values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                value.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
                result.put(entry.getKey(), joined.toString());
            } else {
                result.put(entry.getKey(), value.asText());
            }
        });
        return result;
    }
}
