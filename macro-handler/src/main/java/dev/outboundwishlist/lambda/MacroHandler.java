package dev.outboundwishlist.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.online.AwsLookups;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CloudFormation macro: reads the macro event, expands the fragment with the same engine as
 * the CLI, and answers in the macro contract. It never fails without a message, never echoes
 * template parameter values, and turns an internal fault into a failure naming only the requestId.
 */
public final class MacroHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;

    /**
     * The constructor Lambda calls. AWS is asked only where the deployment allows it
     * ({@code ONLINE_LOOKUPS=true}, set by template.yaml with the permissions to match).
     */
    public MacroHandler() {
        this(Engine.standard("true".equals(System.getenv("ONLINE_LOOKUPS"))
                ? AwsLookups.forRegion(Optional.ofNullable(System.getenv("AWS_REGION"))
                        .orElse(Environment.DEFAULT_REGION))
                : Lookups.OFFLINE));
    }

    MacroHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Consumer<String> log = context == null ? System.out::println : context.getLogger()::log;
        JSON.writeValue(output, handle(input.readAllBytes(), log));
    }

    ObjectNode handle(byte[] eventBytes, Consumer<String> log) {
        long started = System.nanoTime();
        String requestId = "";
        MacroResponse response;
        try {
            // Read as the CLI reads a JSON template, so that numbers, keys and limits match.
            JsonNode event = TemplateReader.readMacroEvent(eventBytes);
            requestId = event.path("requestId").asText("");
            response = respond(MacroRequest.parse(event));
        } catch (MacroRequest.InvalidEvent e) {
            response = MacroResponse.failure(requestId, e.getMessage());
        } catch (TemplateReadException e) {
            requestId = RequestIds.find(eventBytes);
            // A syntax error's message may quote the event's text (parameter values too): its place only.
            response = MacroResponse.failure(requestId, e.code() == DiagnosticCode.JSON_SYNTAX
                    ? "the macro event is not valid JSON" + e.position().map(p -> " (at " + p.line() + ":"
                            + p.column() + ")").orElse("")
                    : "the macro event cannot be read: " + (e.path().isRoot() ? "" : e.path() + ": ") + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // Only the fault's class: a message could quote template content.
            response = MacroResponse.failure(requestId, "OutboundWishlist failed with an internal fault ("
                    + e.getClass().getSimpleName() + ") on request " + requestId + "; please report it");
        }
        log.accept(InvocationLog.line(requestId, response, (System.nanoTime() - started) / 1_000_000));
        return response.toJson(JSON);
    }

    private MacroResponse respond(MacroRequest request) {
        ExpansionResult result = engine.run(request.template(), request.environment());
        return MacroResponse.of(request.requestId(), result);
    }
}
