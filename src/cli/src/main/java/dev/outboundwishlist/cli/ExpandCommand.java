package dev.outboundwishlist.cli;

import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "expand", mixinStandardHelpOptions = true,
        description = {"Expands a template as the macro would and writes the result.",
            "Findings go to standard error; on any error nothing is written and the exit code is 2."})
final class ExpandCommand implements Callable<Integer> {

    /** CloudFormation's limit on a template file's size (1 MB). */
    private static final int TEMPLATE_FILE_LIMIT = 1_048_576;

    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to expand (YAML or JSON).")
    Path template;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "yaml|json",
            description = "Output format. Default: the output file's extension (.json, .yaml, .yml), else the input's format.")
    Format format;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        if (output != null && output.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--output': an empty file "
                    + "name; name the file to write, or leave --output out to write to standard output");
        }
        if (output != null && sameFile(output, template)) {
            // The expansion drops the extensions' keys and the comments: the template would lose them for good.
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--output': '" + output
                    + "' is the template being expanded; write the expansion to another file");
        }
        TemplateRun run = TemplateRun.of(template, stack.environment(spec.commandLine()), stack.lookups());
        PrintWriter err = spec.commandLine().getErr();
        TextReport.write(run, err);
        if (run.result().template().isEmpty()) {
            return ExitCodes.ERRORS;
        }
        String text = TemplateWriter.write(run.result().template().get(), outputFormat(run));
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TEMPLATE_FILE_LIMIT) {
            err.println((output == null ? "standard output" : output) + ": warning: the written template is " + bytes
                    + " bytes, over CloudFormation's 1 MB limit for a template file; write YAML, or let the macro "
                    + "expand it in CloudFormation");
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(output + ": error: cannot write the expanded template: " + describe(e));
            return ExitCodes.CANNOT_WRITE;
        }
        return ExitCodes.OK;
    }

    private static boolean sameFile(Path output, Path template) {
        try {
            return Files.exists(output) && Files.isSameFile(output, template);
        } catch (IOException e) {
            return false;
        }
    }

    private TemplateFormat outputFormat(TemplateRun run) {
        if (format != null) {
            return format == Format.json ? TemplateFormat.JSON : TemplateFormat.YAML;
        }
        String name = output == null ? "" : output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return TemplateFormat.JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return TemplateFormat.YAML;
        }
        return run.result().inputFormat();
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
