package dev.outboundwishlist.cli;

import dev.outboundwishlist.plan.ExpansionPlan;
import dev.outboundwishlist.plan.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Summarises what the expansion adds and what it costs a month.",
            "Without the expanded template: what each fenced function can reach (and which AWS "
                + "services, inferred from which policy); per state machine, the catchers and retriers each "
                + "state gained, the roles its tasks run as and the permissions granted; the resources added, "
                + "by type; and their monthly cost. Markdown is made for a pull-request comment."})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEMPLATE", description = "The template to plan (YAML or JSON).")
    Path template;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        var both = ExpandedTemplate.of(template, stack, spec.commandLine());
        if (both.isEmpty()) {
            return ExitCodes.ERRORS;
        }
        ExpansionPlan plan = ExpansionPlan.of(both.get().written(), both.get().expanded(), both.get().network());
        spec.commandLine().getOut().print(switch (format) {
            case text -> PlanText.text(plan);
            case markdown -> PlanText.markdown(plan);
            case json -> PrettyJson.write(PrettyJson.MAPPER.valueToTree(plan));
        });
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
