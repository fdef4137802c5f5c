package dev.outboundwishlist.corpus;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.TemplateWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboundwishlist.engine.Lookups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One case of the golden corpus: a folder with {@code input.yaml} (or {@code input.json}),
 * optionally {@code expected.yaml}/{@code expected.json} (the expanded template, in the input's
 * format) and {@code diagnostics.txt} (the exact text report, file named {@code input.yaml}).
 * No expected template means the input must fail; no diagnostics file means it must report nothing.
 */
public record GoldenCase(String name, Path folder, Path input) {

    public static final Path ROOT = Path.of("src/test/resources/corpus");

    public static List<GoldenCase> all(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().matches("input\\.(yaml|json)"))
                    .sorted()
                    .map(p -> new GoldenCase(root.relativize(p.getParent()).toString(), p.getParent(), p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String extension() {
        return input.getFileName().toString().endsWith(".json") ? "json" : "yaml";
    }

    public ExpansionResult expand() {
        return Engine.standard(lookups()).run(input, environment());
    }

    /**
     * Offline, unless a {@code network-facts.json} file holds what EC2 would answer
     * ({@code zones}, {@code serviceZones}, {@code prefixLists}, optionally {@code withoutPolicy}):
     * the online lookups, mocked.
     */
    public Lookups lookups() {
        Optional<String> text = read(folder.resolve("network-facts.json"));
        if (text.isEmpty()) {
            return Lookups.OFFLINE;
        }
        try {
            JsonNode facts = new ObjectMapper().readTree(text.get());
            ObjectMapper json = new ObjectMapper();
            Lookups.NetworkFacts known = new Lookups.NetworkFacts.Known(
                    json.convertValue(facts.get("zones"), new TypeReference<List<String>>() { }),
                    json.convertValue(facts.get("serviceZones"), new TypeReference<Map<String, List<String>>>() { }),
                    json.convertValue(facts.get("prefixLists"), new TypeReference<Map<String, String>>() { }),
                    facts.has("withoutPolicy") ? json.convertValue(facts.get("withoutPolicy"),
                            new TypeReference<Set<String>>() { }) : Set.of());
            return new Lookups() {
                @Override
                public AssumeRoleCheck canAssume(String roleArn, List<String> targetRoleArns) {
                    return new AssumeRoleCheck.Unavailable("not mocked");
                }

                @Override
                public NetworkFacts networkFacts(String region, List<String> endpointServices) {
                    return known;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases run as in us-east-1 in account 123456789012 unless a {@code region} file says otherwise. */
    /** In us-east-1 unless a {@code region} file names another; parameter values from a {@code parameters} file's KEY=VALUE lines. */
    public Environment environment() {
        Path region = folder.resolve("region");
        String name = Files.exists(region) ? read(region).orElseThrow().strip() : "us-east-1";
        return new Environment(name, Optional.of("123456789012"), parameterValues(), false);
    }

    private Map<String, String> parameterValues() {
        Map<String, String> values = new TreeMap<>();
        for (String line : read(folder.resolve("parameters")).orElse("").lines().toList()) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return values;
    }

    public Optional<String> expectedTemplate() {
        return read(folder.resolve("expected." + extension()));
    }

    public String expectedDiagnostics() {
        return read(folder.resolve("diagnostics.txt")).orElse("");
    }

    public String actualDiagnostics(ExpansionResult result) {
        String file = input.getFileName().toString();
        return result.diagnostics().stream().map(d -> d.format(file) + "\n").collect(Collectors.joining());
    }

    public Optional<String> actualTemplate(ExpansionResult result) {
        return result.template().map(t -> TemplateWriter.write(t, result.inputFormat()));
    }

    /** Rewrites the expected files from the actual results; run with -Dgolden.update=true, then review the diff. */
    public void update(ExpansionResult result) throws IOException {
        Path expected = folder.resolve("expected." + extension());
        Optional<String> template = actualTemplate(result);
        if (template.isPresent()) {
            Files.writeString(expected, template.get(), StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(expected);
        }
        String diagnostics = actualDiagnostics(result);
        Path diagnosticsFile = folder.resolve("diagnostics.txt");
        if (diagnostics.isEmpty()) {
            Files.deleteIfExists(diagnosticsFile);
        } else {
            Files.writeString(diagnosticsFile, diagnostics, StandardCharsets.UTF_8);
        }
    }

    static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
