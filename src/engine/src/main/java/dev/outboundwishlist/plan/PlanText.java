package dev.outboundwishlist.plan;

import dev.outboundwishlist.plan.CostEstimate.HourlyCharge;
import dev.outboundwishlist.plan.ExpansionPlan.FunctionPlan;
import dev.outboundwishlist.plan.ExpansionPlan.MachinePlan;
import dev.outboundwishlist.plan.ExpansionPlan.StateChange;

import java.util.List;
import java.util.Map;

/** A plan as plain text for a terminal, or as Markdown for a pull-request comment. */
public final class PlanText {

    private PlanText() {
    }

    public static String text(ExpansionPlan plan) {
        StringBuilder out = new StringBuilder();
        if (!plan.functions().isEmpty()) {
            out.append("Functions\n");
            for (FunctionPlan function : plan.functions()) {
                out.append("  ").append(function.function()).append(" (").append(function.profile()).append("): ")
                        .append(function.egress()).append('\n');
                if (function.reaches().isEmpty() && function.services().isEmpty()) {
                    out.append("    reaches nothing outside its VPC: no public address, no AWS service\n");
                }
                function.reaches().forEach(r -> out.append("    reaches ").append(r).append('\n'));
                function.services().forEach(s -> out.append("    reaches AWS ").append(s).append('\n'));
                function.resources().forEach(r -> out.append("    added ").append(r).append('\n'));
            }
            out.append('\n');
        }
        out.append("State machines\n");
        if (plan.machines().isEmpty()) {
            out.append("  (nothing changed)\n");
        }
        for (MachinePlan machine : plan.machines()) {
            out.append("  ").append(machine.machine()).append('\n');
            for (StateChange state : machine.states()) {
                out.append("    ").append(state.state()).append('\n');
                if (state.role() != null) {
                    out.append("      runs as ").append(state.role()).append(roleMechanism(state)).append('\n');
                }
                state.catchers().forEach(c -> out.append("      + Catch ").append(c).append('\n'));
                state.retriers().forEach(r -> out.append("      + Retry ").append(r).append('\n'));
            }
            machine.grants().forEach(g -> out.append("    granted ").append(g).append('\n'));
        }
        out.append("\nResources added\n");
        if (plan.addedResources().isEmpty()) {
            out.append("  (none)\n");
        }
        plan.addedResources().forEach((type, count) -> out.append(String.format("  %3d  %s%n", count, type)));
        CostEstimate cost = plan.cost();
        out.append("\nMonthly cost estimate (").append(cost.priceSource()).append(")\n");
        for (HourlyCharge charge : cost.hourly()) {
            out.append(String.format("  %d x %s at USD %s/hour: USD %s%n", charge.units(), charge.what(),
                    charge.pricePerHour().toPlainString(), charge.monthly().toPlainString()));
        }
        out.append("  Total of hourly charges: USD ").append(cost.monthlyTotal().toPlainString())
                .append(" per month (").append(CostEstimate.HOURS_PER_MONTH).append(" hours)\n");
        if (!cost.usage().isEmpty()) {
            out.append("  Plus usage, which depends on traffic:\n");
            cost.usage().forEach(u -> out.append("    ").append(u).append('\n'));
        }
        return out.toString();
    }

    public static String markdown(ExpansionPlan plan) {
        StringBuilder out = new StringBuilder("### OutboundWishlist plan\n\n");
        if (!plan.functions().isEmpty()) {
            out.append("#### Functions\n\n| Function | Network | Can reach | AWS services (VPC endpoints) |\n"
                    + "|---|---|---|---|\n");
            for (FunctionPlan function : plan.functions()) {
                out.append("| ").append(cell(function.function())).append(" | ").append(cell(function.profile()))
                        .append(": ").append(cell(function.egress())).append(" | ")
                        .append(function.reaches().isEmpty() ? "nothing public" : cells(function.reaches()))
                        .append(" | ").append(cells(function.services())).append(" |\n");
            }
            out.append('\n');
        }
        out.append("#### State machines\n\n");
        if (plan.machines().isEmpty()) {
            out.append("Nothing changed.\n\n");
        }
        for (MachinePlan machine : plan.machines()) {
            out.append("**").append(cell(machine.machine())).append("**\n\n")
                    .append("| State | Runs as | Catch added | Retry added |\n|---|---|---|---|\n");
            for (StateChange state : machine.states()) {
                out.append("| ").append(cell(state.state())).append(" | ")
                        .append(state.role() == null ? "" : code(state.role()) + roleMechanism(state))
                        .append(" | ").append(cells(state.catchers()))
                        .append(" | ").append(cells(state.retriers())).append(" |\n");
            }
            if (!machine.grants().isEmpty()) {
                out.append("\nGranted:\n");
                machine.grants().forEach(g -> out.append("- ").append(code(g)).append('\n'));
            }
            out.append('\n');
        }
        out.append("#### Resources added\n\n");
        if (plan.addedResources().isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("| Type | Count |\n|---|---:|\n");
            for (Map.Entry<String, Integer> entry : plan.addedResources().entrySet()) {
                out.append("| `").append(entry.getKey()).append("` | ").append(entry.getValue()).append(" |\n");
            }
        }
        CostEstimate cost = plan.cost();
        out.append("\n#### Monthly cost estimate\n\n");
        if (!cost.hourly().isEmpty()) {
            out.append("| Hourly charge | Units | USD/hour | USD/month |\n|---|---:|---:|---:|\n");
            for (HourlyCharge charge : cost.hourly()) {
                out.append("| ").append(charge.what()).append(" | ").append(charge.units()).append(" | ")
                        .append(charge.pricePerHour().toPlainString()).append(" | ")
                        .append(charge.monthly().toPlainString()).append(" |\n");
            }
            out.append('\n');
        }
        out.append("**USD ").append(cost.monthlyTotal().toPlainString()).append(" per month** in hourly charges (")
                .append(CostEstimate.HOURS_PER_MONTH).append(" hours)");
        if (!cost.usage().isEmpty()) {
            out.append(", plus usage, which depends on traffic:\n\n");
            cost.usage().forEach(u -> out.append("- ").append(u).append('\n'));
        } else {
            out.append(".\n");
        }
        out.append("\n_").append(cost.priceSource()).append("._\n");
        return out.toString();
    }

    private static String roleMechanism(StateChange state) {
        return state.viaHelper() ? " (through a generated helper function)" : " (native task Credentials)";
    }

    /**
     * Text shown as written inside a Markdown table cell: what Markdown would read as emphasis
     * ({@code *.example.com}), code, HTML or a column break is escaped.
     */
    private static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.replace("\n", " ").toCharArray()) {
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Several values in one cell, a line each. */
    private static String cells(List<String> texts) {
        return String.join("<br>", texts.stream().map(PlanText::cell).toList());
    }

    /** A code span; inside one only a column break needs escaping, and a backtick cannot be written. */
    private static String code(String text) {
        return "`" + text.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`";
    }
}
