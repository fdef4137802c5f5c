package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.Severity;

import java.io.PrintWriter;
import java.util.List;

/** The human format, one finding a line: {@code file:line:column: severity CODE path: message}. */
final class TextReport {

    private TextReport() {
    }

    static void write(TemplateRun run, PrintWriter out) {
        for (Diagnostic d : run.diagnostics()) {
            out.println(d.format(run.file()));
        }
        out.flush();
    }

    static String summary(List<TemplateRun> runs) {
        long errors = count(runs, Severity.ERROR);
        long warnings = count(runs, Severity.WARNING);
        long infos = count(runs, Severity.INFO);
        return runs.size() + (runs.size() == 1 ? " template checked: " : " templates checked: ")
                + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
    }

    private static long count(List<TemplateRun> runs, Severity severity) {
        return runs.stream().flatMap(r -> r.diagnostics().stream()).filter(d -> d.severity() == severity).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
