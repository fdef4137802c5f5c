package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks templates as the macro would, reporting every finding with file:line:column.",
            "Exit code: 0 clean, 2 errors, 4 warnings, 6 both (infos never fail); see --non-zero-exit-code."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif, junit }

    /** As cfn-lint's option of the same name: the least severe finding that fails the run. */
    enum FailOn { warning, error, none }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", arity = "1..*", description = "Templates to check (YAML or JSON).")
    List<Path> templates;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit", defaultValue = "text",
            description = "Report format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--non-zero-exit-code", paramLabel = "warning|error|none", defaultValue = "warning",
            description = "The least severe finding that makes the exit code non-zero: warning (0, 2, 4 or 6), "
                    + "error (0 or 2: warnings you have accepted do not fail a hook or a build), or none. "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Mixin
    StackOptions stack;

    /** Whether a finding fails the run, as --non-zero-exit-code says. */
    private boolean fails(Diagnostic diagnostic) {
        return switch (failOn) {
            case warning -> diagnostic.severity() != Severity.INFO;
            case error -> diagnostic.isError();
            case none -> false;
        };
    }

    @Override
    public Integer call() {
        var environment = stack.environment(spec.commandLine());
        var lookups = stack.lookups();
        // Templates are independent: check them on every core; the report keeps the order given.
        List<TemplateRun> runs = templates.parallelStream().map(t -> TemplateRun.of(t, environment, lookups)).toList();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> runs.forEach(run -> TextReport.write(run, out));
            case json -> out.print(JsonReport.render(runs));
            case sarif -> out.print(SarifReport.render(runs));
            case junit -> out.print(JunitReport.render(runs, this::fails));
        }
        if (format == Format.text) {
            out.println(TextReport.summary(runs));
        }
        out.flush();
        return ExitCodes.of(runs, this::fails);
    }
}
