package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Another account's resources a fenced function's own policies name: the endpoint policies the
 * macro writes admit only the stack's account and TrustedAccounts, so those calls would be refused
 * at run time, long after the deploy. Said now, with the account to trust if the call is meant;
 * without the stack's account (the CLI without --account), an info says what could not be checked.
 */
final class ForeignResources {

    /** An ARN's service field, where it differs from the name of the endpoint service. */
    private static final Map<String, String> ENDPOINT = Map.of("kinesis", "kinesis-streams",
            "firehose", "kinesis-firehose");

    private ForeignResources() {
    }

    static void report(ExpansionContext context, NetworkPlan plan) {
        Settings.Network settings = context.settings().network();
        if (settings.endpointPolicy() != Settings.EndpointPolicy.OwnAccount) {
            return;
        }
        Optional<String> own = context.environment().accountId();
        Set<String> trusted = new HashSet<>(settings.trustedAccounts());
        own.ifPresent(trusted::add);
        String region = context.environment().region();
        for (NetworkPlan.Function function : plan.functions()) {
            Set<String> unchecked = new TreeSet<>();
            for (ServiceInference.ResourceArn arn : ServiceInference.resourceArns(function.id(), context.resources())) {
                String service = ENDPOINT.getOrDefault(arn.service(), arn.service());
                // A resource of another Region is not reached through this Region's endpoints at all.
                boolean here = arn.region().isEmpty() || arn.region().equals(region);
                if (trusted.contains(arn.account()) || !here || !function.needs(service)
                        || !EndpointPolicies.boundsResources(service) || !writesEndpoint(plan, service)) {
                    continue;
                }
                if (own.isEmpty()) {
                    unchecked.add(arn.account());
                    continue; // without the stack's account, this may be its own
                }
                String admits = service.equals(EndpointPolicies.API_GATEWAY) ? "admits calls only to the APIs of"
                        : "admits only the resources of";
                context.diagnostics().report(DiagnosticCode.NETWORK_FOREIGN_RESOURCE, arn.path(), "names "
                        + arn.arn() + ", a resource of the account " + arn.account() + ", but the " + service
                        + " endpoint of " + function.id() + "'s fence " + admits + " this stack's account and "
                        + "TrustedAccounts, so the call would be refused; if it is meant, add '" + arn.account()
                        + "' to Metadata.OutboundWishlist.Network.TrustedAccounts");
            }
            if (!unchecked.isEmpty()) {
                context.diagnostics().report(DiagnosticCode.NETWORK_NOTE, function.access().path(), "names resources "
                        + "of the account(s) " + String.join(", ", unchecked) + " by ARN, which its endpoints refuse "
                        + "unless that is the stack's account or one of TrustedAccounts; give the stack's account "
                        + "(--account) to have each checked (OWL220)");
            }
        }
    }

    /** The macro writes the gateway endpoints of its own VPC, and the interface endpoints it plans. */
    private static boolean writesEndpoint(NetworkPlan plan, String service) {
        return AwsServices.GATEWAY.contains(service) ? plan.existingVpc().isEmpty()
                : plan.interfaceEndpoints().stream().anyMatch(s -> s.name().equals(service) && s.takesPolicy());
    }
}
