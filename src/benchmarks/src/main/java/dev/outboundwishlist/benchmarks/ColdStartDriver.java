package dev.outboundwishlist.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.lambda.MacroHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM with the macro's jar: handles one macro event as Lambda would, then prints
 * the response's status and this JVM's peak resident memory. Kept free of anything the handler
 * would not load itself.
 */
public final class ColdStartDriver {

    private ColdStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MacroHandler().handleRequest(new ByteArrayInputStream(event), out, null);
        ObjectNode response = (ObjectNode) new ObjectMapper().readTree(out.toByteArray());
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ? kB");
        System.err.println("status=" + response.path("status").asText() + " " + peak.replaceAll("\\s+", " "));
    }
}
