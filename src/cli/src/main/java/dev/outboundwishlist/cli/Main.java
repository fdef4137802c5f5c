package dev.outboundwishlist.cli;

import dev.outboundwishlist.engine.Version;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** The command-line tool: the macro's engine, offline, for laptops and CI pipelines. */
@Command(name = "outboundwishlist",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Expands OutboundWishlist templates offline, exactly as the CloudFormation macro does.",
        subcommands = {ExpandCommand.class, ValidateCommand.class, PlanCommand.class, DiagramCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:Success; no errors (validate: no errors or warnings).",
            " 2:The template has errors (nothing was written).",
            " 4:validate only: warnings, and no errors.",
            " 6:validate only: errors and warnings.",
            "64:Invalid command line.",
            "73:The output could not be written (expand's file, or standard output).",
            "70:Internal fault (please report it)."})
public final class Main {

    static final int USAGE = 64;
    static final int SOFTWARE = 70;

    public static void main(String[] args) {
        // Not System.out: that PrintStream keeps write errors to itself, so a failed write could not be told.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> SOFTWARE)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println(e.getMessage());
                    e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                            + " --help' for more information.");
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("internal fault: " + e);
                    return SOFTWARE;
                });
        int code = commandLine.execute(args);
        // A PrintWriter keeps write errors to itself: a full disk or a closed pipe must not pass as success.
        if (out.checkError()) {
            err.println("error: cannot write to standard output (a full disk or a closed pipe?)");
            return ExitCodes.CANNOT_WRITE;
        }
        return code;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"outboundwishlist " + Version.current()};
        }
    }
}
