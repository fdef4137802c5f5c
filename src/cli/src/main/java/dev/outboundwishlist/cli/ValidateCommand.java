package dev.outboundwishlist.cli;

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
            "Exit code: 0 clean, 2 errors, 4 warnings, 6 both (infos never fail)."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif, junit }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", arity = "1..*", description = "Templates to check (YAML or JSON).")
    List<Path> templates;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit", defaultValue = "text",
            description = "Report format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    StackOptions stack;

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
            case junit -> out.print(JunitReport.render(runs));
        }
        if (format == Format.text) {
            out.println(TextReport.summary(runs));
        }
        out.flush();
        return ExitCodes.of(runs);
    }
}
