package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagram.Diagrams;
import dev.outboundwishlist.diagram.DotDiagram;
import dev.outboundwishlist.diagram.MermaidDiagram;
import dev.outboundwishlist.diagram.NetworkDiagram;
import dev.outboundwishlist.diagram.StateGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draws each state machine as expanded: transitions as written solid, catch edges the",
            "expansion added dashed, handler states highlighted; then the fenced network: function, subnets,",
            "firewall and NAT, destinations, and (dashed) VPC endpoints. Mermaid renders in pull requests as is."})
final class DiagramCommand implements Callable<Integer> {

    enum Format { mermaid, dot }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to draw (YAML or JSON).")
    Path template;

    @Option(names = "--format", paramLabel = "mermaid|dot", defaultValue = "mermaid",
            description = "Diagram format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        var both = ExpandedTemplate.of(template, stack, spec.commandLine());
        if (both.isEmpty()) {
            return ExitCodes.ERRORS;
        }
        List<StateGraph> graphs = Diagrams.stateMachines(both.get().written(), both.get().expanded());
        StringBuilder out = new StringBuilder(format == Format.dot ? DotDiagram.of(graphs) : MermaidDiagram.of(graphs));
        both.get().network().ifPresent(plan ->
                out.append(out.length() > 0 ? "\n" : "")
                        .append(format == Format.dot ? NetworkDiagram.dot(plan) : NetworkDiagram.mermaid(plan)));
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
