package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.ExpansionContext;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fenced function allowed to invoke a function of the template that has no fence: whatever it
 * passes in the call can leave through the other function's open network, so the fence holds only
 * if both are fenced. Data it writes to a queue, topic, bucket or table that unfenced code reads
 * leaves the same way; that is not followed here (the README says so).
 */
final class UnfencedCallees {

    private static final Set<String> FUNCTIONS = Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");

    private UnfencedCallees() {
    }

    static void report(ExpansionContext context, List<FencedFunction> fenced) {
        Set<String> fencedIds = fenced.stream().map(FencedFunction::id).collect(Collectors.toSet());
        for (FencedFunction function : fenced) {
            for (ServiceInference.Callee callee : ServiceInference.callees(function.id(), context.resources())) {
                String type = context.resources().path(callee.id()).path("Type").asText();
                // A function in a VPC of its own has a network the macro cannot judge.
                boolean ownVpc = context.resources().path(callee.id()).path("Properties").has("VpcConfig");
                if (!FUNCTIONS.contains(type) || fencedIds.contains(callee.id()) || ownVpc) {
                    continue;
                }
                context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, callee.path(), "lets the fenced "
                        + "function " + function.id() + " invoke " + callee.id() + ", which has no fence: what "
                        + function.id() + " passes it can leave through " + callee.id() + "'s open network; fence "
                        + callee.id() + " too (OutboundNetworkAccess), or drop the permission");
            }
        }
    }
}
