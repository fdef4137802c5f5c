package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.Severity;

import java.util.List;

/** Exit codes as a bit mask, like cfn-lint's: 2 for errors, 4 for warnings; infos never fail a build. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERRORS = 2;
    static final int WARNINGS = 4;
    /** The output could not be written: expand's file, or standard output (sysexits' EX_CANTCREAT). */
    static final int CANNOT_WRITE = 73;

    private ExitCodes() {
    }

    static int of(List<TemplateRun> runs) {
        int code = OK;
        for (TemplateRun run : runs) {
            for (Diagnostic diagnostic : run.diagnostics()) {
                if (diagnostic.severity() == Severity.ERROR) {
                    code |= ERRORS;
                } else if (diagnostic.severity() == Severity.WARNING) {
                    code |= WARNINGS;
                }
            }
        }
        return code;
    }
}
