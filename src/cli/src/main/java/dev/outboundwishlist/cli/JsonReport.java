package dev.outboundwishlist.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;

import java.util.List;

/** A JSON list of findings, one object each, for scripts. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(List<TemplateRun> runs) {
        ArrayNode findings = PrettyJson.NODES.arrayNode();
        for (TemplateRun run : runs) {
            for (Diagnostic d : run.diagnostics()) {
                ObjectNode finding = findings.addObject();
                finding.put("file", run.file());
                d.position().ifPresent(p -> finding.put("line", p.line()).put("column", p.column()));
                finding.put("severity", d.severity().label());
                finding.put("code", d.code().id());
                finding.put("path", d.path().isRoot() ? "" : d.path().toString());
                finding.put("message", d.message());
            }
        }
        return PrettyJson.write(findings);
    }
}
