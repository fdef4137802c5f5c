package dev.outboundwishlist.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.TemplateReader;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fresh JVM to response, as a Lambda cold start: the macro's jar, Lambda's JVM flags for short
 * functions, one macro event; repeated, with median, min and max, the jar's size, the classes
 * loaded and the peak resident memory.
 */
final class ColdStart {

    static final Path MACRO_JAR = Path.of("macro-handler/target/outboundwishlist-macro.jar");
    private static final int RUNS = 10;

    private ColdStart() {
    }

    static List<String> report() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Cold start (fresh JVM -XX:TieredStopAtLevel=1 to macro response, " + RUNS + " runs)");
        lines.add(String.format("  macro jar: %.1f MB", Files.size(MACRO_JAR) / 1_048_576.0));
        for (String name : List.of("wishlist", "largest")) {
            Path event = event(name);
            List<Long> millis = new ArrayList<>();
            String last = "";
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                last = runDriver(event, false);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            Collections.sort(millis);
            int classes = runDriver(event, true).split("\n").length;
            lines.add(String.format("  %-9s median %4d ms, min %4d, max %4d; %s; about %d classes loaded", name,
                    millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1), last.strip(), classes));
        }
        return lines;
    }

    private static Path event(String name) throws Exception {
        ObjectNode fragment = (ObjectNode) TemplateReader.read("t.yaml", Templates.yaml(name), java.util.Optional.empty()).root();
        fragment.remove("Transform");
        ObjectNode event = new ObjectMapper().createObjectNode();
        event.put("region", "us-east-1").put("accountId", "123456789012").put("requestId", "cold-start")
                .put("transformId", "123456789012::OutboundWishlist");
        event.set("fragment", fragment);
        event.putObject("params");
        event.putObject("templateParameterValues");
        Path file = Files.createTempFile("event-" + name, ".json");
        new ObjectMapper().writeValue(file.toFile(), event);
        file.toFile().deleteOnExit();
        return file;
    }

    /** Runs the driver; with {@code classes}, returns the class-loading log instead of its report. */
    private static String runDriver(Path event, boolean classes) throws Exception {
        String self = ColdStart.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        if (classes) {
            command.add("-Xlog:class+load=info");
        }
        command.addAll(List.of("-cp", MACRO_JAR + File.pathSeparator + self,
                ColdStartDriver.class.getName(), event.toString()));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        if (process.waitFor() != 0 || !err.contains("status=success")) {
            throw new IllegalStateException("the driver failed: " + err);
        }
        return classes ? out : err;
    }
}
