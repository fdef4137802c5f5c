package dev.outboundwishlist.cli;

import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "expand", mixinStandardHelpOptions = true,
        description = {"Expands a template as the macro would and writes the result.",
            "Findings go to standard error; on any error nothing is written and the exit code is 2."})
final class ExpandCommand implements Callable<Integer> {

    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to expand (YAML or JSON).")
    Path template;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "yaml|json",
            description = "Output format. Default: the input's format.")
    Format format;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws IOException {
        TemplateRun run = TemplateRun.of(template, stack.environment(spec.commandLine()));
        TextReport.write(run, spec.commandLine().getErr());
        if (run.result().template().isEmpty()) {
            return ExitCodes.ERRORS;
        }
        TemplateFormat outputFormat = format == null ? run.result().inputFormat()
                : format == Format.json ? TemplateFormat.JSON : TemplateFormat.YAML;
        String text = TemplateWriter.write(run.result().template().get(), outputFormat);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
