package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Another account's resources a fenced function's own policies name: the endpoint policies the
 * macro writes admit only the stack's account and TrustedAccounts, so those calls would be refused
 * at run time, long after the deploy. Said now, with the account to trust if the call is meant.
 */
final class ForeignResources {

    /** An ARN's service field, where it differs from the name of the endpoint service. */
    private static final Map<String, String> ENDPOINT = Map.of("kinesis", "kinesis-streams",
            "firehose", "kinesis-firehose");

    private ForeignResources() {
    }

    static void report(ExpansionContext context, NetworkPlan plan) {
        Settings.Network settings = context.settings().network();
        Optional<String> own = context.environment().accountId();
        if (own.isEmpty() || settings.endpointPolicy() != Settings.EndpointPolicy.OwnAccount) {
            return; // without the stack's account, an account in an ARN may be its own
        }
        Set<String> trusted = new HashSet<>(settings.trustedAccounts());
        trusted.add(own.get());
        for (NetworkPlan.Function function : plan.functions()) {
            for (ServiceInference.ResourceArn arn : ServiceInference.resourceArns(function.id(), context.resources())) {
                String service = ENDPOINT.getOrDefault(arn.service(), arn.service());
                if (trusted.contains(arn.account()) || !function.needs(service)
                        || !EndpointPolicies.boundsResources(service) || !writesEndpoint(plan, service)) {
                    continue;
                }
                context.diagnostics().report(DiagnosticCode.NETWORK_FOREIGN_RESOURCE, arn.path(), "names "
                        + arn.arn() + ", a resource of the account " + arn.account() + ", but the " + service
                        + " endpoint of " + function.id() + "'s fence admits only this stack's account and "
                        + "TrustedAccounts, so the call would be refused; if it is meant, add '" + arn.account()
                        + "' to Metadata.OutboundWishlist.Network.TrustedAccounts");
            }
        }
    }

    /** The macro writes the gateway endpoints of its own VPC, and the interface endpoints it plans. */
    private static boolean writesEndpoint(NetworkPlan plan, String service) {
        return AwsServices.GATEWAY.contains(service) ? plan.existingVpc().isEmpty()
                : plan.interfaceEndpoints().stream().anyMatch(s -> s.name().equals(service) && s.takesPolicy());
    }
}
