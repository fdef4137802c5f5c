package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagram.Diagrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draws each state machine as expanded, and the fenced network.",
            "Transitions as written solid, catch edges the expansion added dashed, handler states "
                + "highlighted; then the fenced network: function, subnets, firewall and NAT, destinations, "
                + "and (dashed) VPC endpoints. Several drawings make one chart, each a subgraph; --only picks "
                + "one, --format markdown gives each its own block for a pull request."})
final class DiagramCommand implements Callable<Integer> {

    enum Format { mermaid, dot, markdown }

    private static final String NOTHING = "nothing to draw: the template has no state machine and fences no function";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to draw (YAML or JSON).")
    Path template;

    @Option(names = "--format", paramLabel = "mermaid|dot|markdown", defaultValue = "mermaid",
            description = "Diagram format: one Mermaid chart, one Graphviz digraph, or Markdown with a Mermaid "
                    + "block per drawing. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--only", paramLabel = "NAME",
            description = "Draw only this state machine (its logical id), or the network (" + Diagrams.NETWORK + ").")
    String only;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        var both = ExpandedTemplate.of(template, stack, spec.commandLine());
        if (both.isEmpty()) {
            return ExitCodes.ERRORS;
        }
        Diagrams diagrams = new Diagrams(Diagrams.stateMachines(both.get().written(), both.get().expanded()),
                both.get().network());
        if (only != null) {
            Optional<Diagrams> chosen = diagrams.only(only);
            if (chosen.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--only': '" + only
                        + "' is not drawn from this template; choose one of: "
                        + (diagrams.isEmpty() ? "(" + NOTHING + ")" : String.join(", ", diagrams.names())));
            }
            diagrams = chosen.get();
        }
        String out = switch (format) {
            case mermaid -> diagrams.mermaid();
            case dot -> diagrams.dot();
            case markdown -> diagrams.markdown();
        };
        if (diagrams.isEmpty()) {
            // An empty chart is still valid input for a renderer; a comment should not be blank.
            spec.commandLine().getErr().println(NOTHING);
            out = format == Format.markdown ? "_" + NOTHING + "_\n" : out;
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
