package dev.outboundwishlist.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.engine.Version;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** SARIF 2.1.0, the format code-scanning services read; every diagnostic code is a rule. */
final class SarifReport {

    private SarifReport() {
    }

    static String render(List<TemplateRun> runs) {
        ObjectNode log = PrettyJson.NODES.objectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "OutboundWishlist");
        driver.put("version", Version.current());
        ArrayNode rules = driver.putArray("rules");
        for (DiagnosticCode code : DiagnosticCode.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", code.id());
            rule.put("name", code.name());
            rule.putObject("shortDescription").put("text", code.summary());
            rule.putObject("defaultConfiguration").put("level", level(code.defaultSeverity()));
        }
        ArrayNode results = run.putArray("results");
        for (TemplateRun template : runs) {
            for (Diagnostic d : template.diagnostics()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", d.code().id());
                result.put("ruleIndex", d.code().ordinal());
                result.put("level", level(d.severity()));
                result.putObject("message").put("text", d.pathAndMessage());
                ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
                location.putObject("artifactLocation").put("uri", uri(template.file()));
                d.position().ifPresent(p -> location.putObject("region")
                        .put("startLine", p.line()).put("startColumn", p.column()));
            }
        }
        return PrettyJson.write(log);
    }

    /**
     * SARIF wants a URI reference: the path with forward slashes, percent-encoded where needed;
     * an absolute path inside the working folder (a repository checkout) is made relative to it,
     * as code scanning maps results to the repository's files, and one outside is a file: URI.
     */
    static String uri(String file) {
        String relative = file;
        try {
            Path path = Path.of(file);
            if (path.isAbsolute()) {
                Path here = Path.of("").toAbsolutePath();
                Path normal = path.normalize();
                if (!normal.startsWith(here)) {
                    return normal.toUri().toASCIIString();
                }
                relative = here.relativize(normal).toString();
            }
            return new URI(null, null, relative.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException | InvalidPathException e) {
            return file;
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
