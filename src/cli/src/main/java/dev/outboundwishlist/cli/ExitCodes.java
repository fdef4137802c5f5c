package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;

import java.util.List;
import java.util.function.Predicate;

/** Exit codes as a bit mask, like cfn-lint's: 2 for errors, 4 for warnings; infos never fail a build. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERRORS = 2;
    static final int WARNINGS = 4;
    /** The output could not be written: expand's file, or standard output (sysexits' EX_CANTCREAT). */
    static final int CANNOT_WRITE = 73;

    private ExitCodes() {
    }

    /** @param fails which findings fail the run (--non-zero-exit-code): errors set 2, the others 4 */
    static int of(List<TemplateRun> runs, Predicate<Diagnostic> fails) {
        int code = OK;
        for (TemplateRun run : runs) {
            for (Diagnostic diagnostic : run.diagnostics()) {
                if (fails.test(diagnostic)) {
                    code |= diagnostic.isError() ? ERRORS : WARNINGS;
                }
            }
        }
        return code;
    }
}
