package dev.outboundwishlist.benchmarks;

import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateWriter;
import dev.outboundwishlist.testing.TemplateGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** validate over a folder of 1,000 generated templates in one process: files per second, on all cores and on one. */
final class CliThroughput {

    static final Path CLI_JAR = Path.of("src/cli/target/outboundwishlist.jar");
    private static final int FILES = 1000;

    private CliThroughput() {
    }

    static List<String> report() throws Exception {
        Path folder = Files.createTempDirectory("owl-throughput");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path file = folder.resolve("template-" + i + ".yaml");
            Files.writeString(file, TemplateWriter.write(TemplateGenerator.template(5 + i % 10, 2, 20 + i % 40),
                    TemplateFormat.YAML));
            files.add(file.toString());
        }
        List<String> lines = new ArrayList<>();
        lines.add("CLI throughput (validate, " + FILES + " generated templates, one process)");
        int all = Runtime.getRuntime().availableProcessors();
        // With one CPU the JVM picks the serial collector, which suits this short run best; the
        // serial runs compare the cores alone, the first shows the default on this machine.
        for (String[] run : new String[][] {{String.valueOf(all), ""}, {String.valueOf(all), "-XX:+UseSerialGC"},
                {"1", "-XX:+UseSerialGC"}}) {
            int cores = Integer.parseInt(run[0]);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ActiveProcessorCount=" + cores));
            if (!run[1].isEmpty()) {
                command.add(run[1]);
            }
            command.addAll(List.of("-jar", CLI_JAR.toString(), "validate"));
            command.addAll(files);
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("validate failed (" + code + "): " + out.lines().limit(5).toList());
            }
            lines.add(String.format("  %d core%s %-18s %.1f s, %.0f files/s", cores, cores == 1 ? " " : "s",
                    run[1].isEmpty() ? "(default GC):" : "(serial GC):", seconds, FILES / seconds));
        }
        return lines;
    }
}
