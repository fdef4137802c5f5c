package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.ExpansionContext;

import java.util.HashSet;
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

    private UnfencedCallees() {
    }

    static void report(ExpansionContext context, List<FencedFunction> fenced) {
        Set<String> fencedIds = fenced.stream().map(FencedFunction::id).collect(Collectors.toSet());
        for (FencedFunction function : fenced) {
            Set<String> reported = new HashSet<>();
            for (ServiceInference.Callee callee : ServiceInference.callees(function.id(), context.resources())) {
                String id = functionOf(context, callee.id());
                String type = context.resources().path(id).path("Type").asText();
                // A function in a VPC of its own has a network the macro cannot judge.
                boolean ownVpc = context.resources().path(id).path("Properties").has("VpcConfig");
                if (!ServiceInference.FUNCTION_TYPES.contains(type) || fencedIds.contains(id) || ownVpc
                        || !reported.add(id + " " + callee.path())) {
                    continue;
                }
                context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, callee.path(), "lets the fenced "
                        + "function " + function.id() + " invoke " + id + ", which has no fence: what "
                        + function.id() + " passes it can leave through " + id + "'s open network; fence "
                        + id + " too (OutboundNetworkAccess), or drop the permission");
            }
        }
    }

    /** An alias or version stands for the function its FunctionName names; anything else for itself. */
    private static String functionOf(ExpansionContext context, String id) {
        JsonNode resource = context.resources().path(id);
        if (!Set.of("AWS::Lambda::Alias", "AWS::Lambda::Version").contains(resource.path("Type").asText())) {
            return id;
        }
        JsonNode name = resource.path("Properties").path("FunctionName");
        return name.path("Ref").isTextual() ? name.get("Ref").textValue()
                : name.path("Fn::GetAtt").path(0).isTextual() ? name.get("Fn::GetAtt").get(0).textValue()
                : name.path("Fn::GetAtt").isTextual() ? name.get("Fn::GetAtt").textValue().split("\\.", 2)[0] : id;
    }
}
